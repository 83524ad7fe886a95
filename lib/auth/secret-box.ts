import "server-only";
import crypto from "node:crypto";
import { authSecret } from "@/lib/env";

/**
 * Authenticated encryption (AES-256-GCM) for secrets the server must read back, such as TOTP seeds,
 * under a key derived from NEXTAUTH_SECRET: a copy of the database alone does not reveal them.
 */
const keys = new Map<string, Buffer>();
function keyFor(purpose: string): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    const secret = authSecret();
    if (!secret) throw new Error("NEXTAUTH_SECRET is not set: secrets cannot be sealed.");
    key = Buffer.from(crypto.hkdfSync("sha256", secret, "dermaplan", `dermaplan ${purpose}`, 32));
    keys.set(purpose, key);
  }
  return key;
}

export function seal(plaintext: string, purpose: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v1.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

/** The plaintext, or null when the value was not sealed under this key and purpose (or was altered). */
export function unseal(sealed: string, purpose: string): string | null {
  const [version, iv, body] = sealed.split(".");
  if (version !== "v1" || !iv || !body) return null;
  try {
    const raw = Buffer.from(body, "base64url");
    const decipher = crypto.createDecipheriv("aes-256-gcm", keyFor(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** A keyed hash for short secrets (recovery codes): without the server's key they cannot be guessed offline. */
export function keyedHash(value: string, purpose: string): string {
  return crypto.createHmac("sha256", keyFor(purpose)).update(value).digest("hex");
}
