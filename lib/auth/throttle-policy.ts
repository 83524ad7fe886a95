/**
 * Sign-in throttling rules (OWASP ASVS 5.0 V6.3: slow guessing down without letting anyone lock a
 * user out). Pure: lib/data/throttle.ts keeps the counters and applies these to them.
 *
 * Two counters see every failed sign-in:
 * - per address (`ip:<address>`): 50 failures within 15 minutes block the address for 15 minutes;
 * - per account and address (`acct:<email>|<address>`): 5 failures are free, then each failure blocks
 *   that email from that address for 30 s, 1, 2, 4, 8, at most 15 minutes. Another address is a
 *   different key, so an attacker elsewhere never slows the account's owner down.
 * A counter is forgotten once 15 minutes have passed since its first failure and any block has ended.
 */

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const ADDRESS_FAILURE_LIMIT = 50;
export const ACCOUNT_FREE_FAILURES = 5;
const ACCOUNT_FIRST_DELAY_MS = 30_000;

export type ThrottleScope = "address" | "account";

export type ThrottleState = { failures: number; windowStartedAt: string; blockedUntil: string | null };

/** An address no proxy or server named shares one counter; our server always names one. */
const UNKNOWN_ADDRESS = "unknown";

export function addressKey(ip: string | null): string {
  return `ip:${ip ?? UNKNOWN_ADDRESS}`;
}

export function accountKey(email: string, ip: string | null): string {
  return `acct:${email}|${ip ?? UNKNOWN_ADDRESS}`;
}

/** The scope, address and (for account keys) email a key names; an email may itself hold a `|`. */
export function describeKey(key: string): { scope: ThrottleScope; address: string; email?: string } {
  if (key.startsWith("ip:")) return { scope: "address", address: key.slice(3) };
  const rest = key.slice("acct:".length);
  const bar = rest.lastIndexOf("|");
  return { scope: "account", email: rest.slice(0, bar), address: rest.slice(bar + 1) };
}

/** How long a counter at `failures` blocks its key, or null while it may keep trying. */
export function blockFor(scope: ThrottleScope, failures: number): number | null {
  if (scope === "address") return failures >= ADDRESS_FAILURE_LIMIT ? THROTTLE_WINDOW_MS : null;
  if (failures < ACCOUNT_FREE_FAILURES) return null;
  return Math.min(ACCOUNT_FIRST_DELAY_MS * 2 ** (failures - ACCOUNT_FREE_FAILURES), THROTTLE_WINDOW_MS);
}

/** True once the counter's window has run out and any block has ended: it no longer counts. */
export function isExpired(state: ThrottleState, now: Date): boolean {
  const windowEnds = Date.parse(state.windowStartedAt) + THROTTLE_WINDOW_MS;
  const blockEnds = state.blockedUntil ? Date.parse(state.blockedUntil) : 0;
  return now.getTime() >= Math.max(windowEnds, blockEnds);
}

/** Whole seconds until the key may try again (the Retry-After value); 0 when it may now. */
export function retryAfterSeconds(state: ThrottleState | null, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(state.blockedUntil) - now.getTime()) / 1000));
}

/** The counter after one more failure at `now`; a live (unexpired) state or none. */
export function withFailure(scope: ThrottleScope, state: ThrottleState | null, now: Date): ThrottleState {
  const failures = (state?.failures ?? 0) + 1;
  const delay = blockFor(scope, failures);
  return {
    failures,
    windowStartedAt: state?.windowStartedAt ?? now.toISOString(),
    blockedUntil: delay === null ? (state?.blockedUntil ?? null) : new Date(now.getTime() + delay).toISOString(),
  };
}
