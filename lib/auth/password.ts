import { hash, verify, type Options } from "@node-rs/argon2";

/** OWASP password storage cheat sheet: argon2id, 19 MiB, t=2, p=1. */
const ARGON2ID = 2 as Options["algorithm"];
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account is unknown keeps response times alike, so timing does
// not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("dermaplan-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
