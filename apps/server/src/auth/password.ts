import argon2 from 'argon2';

/**
 * Passwords are kept only as argon2id hashes (the `argon2` package: prebuilt native binaries,
 * no build step). Parameters: OWASP's first recommendation for argon2id — 19 MiB of memory,
 * 2 passes, 1 lane — about 30 ms a hash here; the PHC string records them, so raising them later
 * leaves old hashes verifiable.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

/** False for a wrong password or a hash that is not argon2 (never throws for those). */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of one verification when there is no account to verify against, so a refused
 * sign-in takes about as long whether the username exists or not.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword('no account has this password');
  await verifyPassword(await dummy, password);
  return false;
}
