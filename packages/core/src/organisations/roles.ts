import { z } from 'zod';

export const RoleSchema = z.enum(['admin', 'manager', 'employee']);
export type Role = z.infer<typeof RoleSchema>;
