import { Secret, TOTP } from "otpauth";

/** RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_S = 30;
const ISSUER = "Dermaplan";

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label = "account"): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secret) });
}

export function otpauthUri(secret: string, email: string): string {
  return totpFor(secret, email).toString();
}

/**
 * The time step a code belongs to when it is valid within one step either side of `now`, else null.
 * Callers refuse a step at or before the last one accepted, so a code works once (RFC 6238 §5.2).
 */
export function matchTotp(secret: string, code: string, now: number): number | null {
  const delta = totpFor(secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_S) + delta;
}

/** The current code: for tests and for nothing else. */
export function totpAt(secret: string, now: number): string {
  return totpFor(secret).generate({ timestamp: now });
}
