import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withSignInThrottle } from "@/lib/auth/throttle";
import { apiMethods } from "@/lib/http/methods";

const handler = NextAuth(authOptions);

/** Sign-in attempts from a throttled address or account answer 429 with Retry-After (lib/auth/throttle.ts). */
const handlePost = withSignInThrottle(handler);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handler, POST: handlePost });
