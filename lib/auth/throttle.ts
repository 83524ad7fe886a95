import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { addressRetryAfterS } from "@/lib/data/throttle";
import { clientIpFrom } from "@/lib/http/client-ip";

/**
 * The HTTP side of sign-in throttling: next-auth answers every refused sign-in with the same 401, so
 * authenticate() reports a throttled refusal here, through the request's async context, and the
 * wrapper answers 429 with Retry-After instead.
 */
type Refusal = { retryAfterS: number };
const refusals = new AsyncLocalStorage<Refusal>();

/** Called by authenticate() when the throttle refused an attempt before its password was checked. */
export function reportThrottled(retryAfterS: number): void {
  const refusal = refusals.getStore();
  if (refusal) refusal.retryAfterS = Math.max(refusal.retryAfterS, retryAfterS);
}

export function tooManyAttempts(retryAfterS: number): Response {
  return Response.json(
    { error: "Too many sign-in attempts. Try again later." },
    { status: 429, headers: { "Retry-After": String(Math.max(1, retryAfterS)), "Cache-Control": "no-store" } },
  );
}

// next-auth's credentials endpoints: the callback checks the password; signin/credentials is answered too.
const SIGN_IN_PATH = /\/api\/auth\/(?:callback|signin)\/credentials\/?$/;

/**
 * Wraps next-auth's POST handler: a blocked address gets 429 before next-auth runs, and an attempt
 * authenticate() refused as throttled (a blocked email from this address, or a lost race for the
 * address's last attempt) gets 429 instead of next-auth's 401.
 */
export function withSignInThrottle<Rest extends unknown[]>(handler: (req: Request, ...rest: Rest) => Promise<Response>, now = () => new Date()) {
  return async (req: Request, ...rest: Rest): Promise<Response> => {
    if (req.method !== "POST" || !SIGN_IN_PATH.test(new URL(req.url).pathname)) return handler(req, ...rest);
    const wait = addressRetryAfterS(clientIpFrom(req.headers), now());
    if (wait > 0) return tooManyAttempts(wait);
    const refusal: Refusal = { retryAfterS: 0 };
    const response = await refusals.run(refusal, () => handler(req, ...rest));
    return refusal.retryAfterS > 0 ? tooManyAttempts(refusal.retryAfterS) : response;
  };
}
