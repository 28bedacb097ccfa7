import { hash, verify } from '@node-rs/argon2';

/**
 * Hashes a password with argon2id (the library's default algorithm) and OWASP's recommended
 * parameters: 19 MiB memory, 2 iterations, 1 lane.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}
