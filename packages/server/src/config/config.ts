import path from 'node:path';
import { z } from 'zod';

const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  databaseUrl: z.url().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** Secure cookies need HTTPS; on by default in production. */
  cookieSecure: z.boolean(),
  sessionHours: z.coerce.number().positive(),
  /** Sign-in attempts per minute for one address and account. */
  signInAttemptsPerMinute: z.coerce.number().int().positive(),
  demoPassword: z.string().min(8).optional(),
  seedDemo: z.boolean(),
  webDistDir: z.string().optional(),
  /** smtp(s)://user:password@host:port; without it, invitations wait in the outbox. */
  smtpUrl: z
    .string()
    .regex(/^smtps?:\/\//, 'Use smtp://… or smtps://…')
    .optional(),
  mailFrom: z.string().min(3),
  /** The address people reach Evne at, for links in mail. */
  publicUrl: z.url(),
});
export type Config = z.infer<typeof ConfigSchema>;

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') {
    return fallback;
  }
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/** Reads the environment once; the only place that touches process.env. Fatal when invalid. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Config> = {},
): Config {
  const parsed = ConfigSchema.safeParse({
    port: env.PORT ?? 3000,
    host: env.HOST ?? 'localhost',
    dataDir: path.resolve(env.EVNE_DATA_DIR ?? 'evne-data'),
    databaseUrl: env.DATABASE_URL === '' ? undefined : env.DATABASE_URL,
    logLevel: env.LOG_LEVEL ?? 'info',
    cookieSecure: flag(env.EVNE_COOKIE_SECURE, env.NODE_ENV === 'production'),
    sessionHours: env.EVNE_SESSION_HOURS ?? 12,
    signInAttemptsPerMinute: env.EVNE_SIGNIN_ATTEMPTS_PER_MINUTE ?? 10,
    demoPassword: env.EVNE_DEMO_PASSWORD === '' ? undefined : env.EVNE_DEMO_PASSWORD,
    seedDemo: flag(env.EVNE_DEMO, true),
    webDistDir: env.EVNE_WEB_DIST,
    smtpUrl: env.EVNE_SMTP_URL === '' ? undefined : env.EVNE_SMTP_URL,
    mailFrom: env.EVNE_MAIL_FROM ?? 'Evne <evne@localhost>',
    publicUrl: env.EVNE_PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`,
    ...overrides,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}
