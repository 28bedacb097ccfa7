import { z } from 'zod';
import { LocaleSchema } from '../i18n.js';
import { RoleSchema } from '../organisations/roles.js';
import { defineEndpoint } from './contract.js';

export const LoginInputSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1000),
  organisation: z
    .string()
    .optional()
    .describe('Organisation slug, when the user belongs to several'),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const SessionSchema = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    locale: LocaleSchema.nullable(),
  }),
  organisation: z.object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    anonymityThreshold: z.number().int(),
  }),
  role: RoleSchema,
  /** The person the user is in this organisation's people register, if any. */
  personId: z.uuid().nullable(),
  csrfToken: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

export const UpdatePreferencesInputSchema = z.object({ locale: LocaleSchema });

export const authApi = {
  login: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password; sets the session cookie',
    tags: ['auth'],
    body: LoginInputSchema,
    response: SessionSchema,
    status: 200,
    isPublic: true,
  }),
  logout: defineEndpoint({
    method: 'POST',
    path: '/api/v1/auth/logout',
    summary: 'Sign out',
    tags: ['auth'],
    response: null,
    status: 204,
    isPublic: true,
  }),
  session: defineEndpoint({
    method: 'GET',
    path: '/api/v1/auth/session',
    summary: 'The current session',
    tags: ['auth'],
    response: SessionSchema,
    status: 200,
  }),
  updatePreferences: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/me/preferences',
    summary: "Remember the user's language",
    tags: ['auth'],
    body: UpdatePreferencesInputSchema,
    response: SessionSchema,
    status: 200,
  }),
};
