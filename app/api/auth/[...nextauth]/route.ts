import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withSignInThrottle } from "@/lib/auth/throttle";

const handler = NextAuth(authOptions);

export { handler as GET };
/** Sign-in attempts from a throttled address or account answer 429 with Retry-After (lib/auth/throttle.ts). */
export const POST = withSignInThrottle(handler);
