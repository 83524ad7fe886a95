import "server-only";
import hkdf from "@panva/hkdf";
import { jwtDecrypt } from "jose";
import type { JWT } from "next-auth/jwt";
import { authSecret } from "@/lib/env";
import { sessionCookie } from "./cookies";

type CookieReader = { getAll(): { name: string; value: string }[] };

/**
 * The session JWT of this request, decrypted and checked for expiry, or null. Reads next-auth's
 * cookie (joined when next-auth split a large one into `.0`, `.1` … chunks) without going through
 * getServerSession, which re-encrypts and re-issues the token on every call.
 */
export async function readSessionToken(cookies: CookieReader): Promise<JWT | null> {
  const { name } = sessionCookie();
  const all = cookies.getAll();
  const whole = all.find((c) => c.name === name)?.value;
  const chunks = all
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
    .map((c) => c.value);
  const token = whole ?? (chunks.length ? chunks.join("") : undefined);
  const secret = authSecret();
  if (!token || !secret) return null;
  const known = decrypted.get(token);
  if (known?.secret === secret) return unexpired(known.claims);
  try {
    const { payload } = await jwtDecrypt(token, await encryptionKey(secret), { clockTolerance: CLOCK_TOLERANCE_S });
    remember(token, { secret, claims: Object.freeze(payload) as JWT });
    return payload as JWT;
  } catch {
    // Tampered, expired or signed with a rotated secret: the same as no session.
    return null;
  }
}

const CLOCK_TOLERANCE_S = 15;
const MAX_REMEMBERED = 1000;

/**
 * Tokens already decrypted, by their exact text: every request of a sign-in carries the same token, and
 * decrypting it again gives the same claims, so only the expiry is checked again (a revoked sign-in is
 * the database's to refuse, on every request, in resumeSignIn). The secret is kept with each entry, so
 * a rotated secret refuses remembered tokens too. Bounded, oldest first out.
 */
const decrypted = new Map<string, { secret: string; claims: JWT }>();

function remember(token: string, entry: { secret: string; claims: JWT }): void {
  decrypted.set(token, entry);
  if (decrypted.size > MAX_REMEMBERED) decrypted.delete(decrypted.keys().next().value!);
}

function unexpired(claims: JWT): JWT | null {
  const exp = typeof claims.exp === "number" ? claims.exp : 0;
  return exp * 1000 + CLOCK_TOLERANCE_S * 1000 > Date.now() ? claims : null;
}

/**
 * next-auth's key for its encrypted JWT (A256GCM, "dir"), derived from the secret exactly as
 * next-auth/jwt does, once per secret: deriving it on every request cost more than the decryption.
 */
const keys = new Map<string, Promise<Uint8Array>>();
function encryptionKey(secret: string): Promise<Uint8Array> {
  let key = keys.get(secret);
  if (!key) {
    key = hkdf("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32);
    keys.set(secret, key);
  }
  return key;
}
