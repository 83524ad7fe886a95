import { NextResponse, type NextRequest } from "next/server";
import { readSessionToken } from "@/lib/auth/session-token";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { isUnreadableActionBody } from "@/lib/http/server-action-body";

/** Pages anyone may open: signing in and setting a password from an emailed link. */
const PUBLIC_PAGES = /^\/(login|set-password\/[^/]+)\/?$/;

/**
 * Every page: a fresh CSP nonce (lib/http/content-security-policy.ts), the optimistic redirect of
 * signed-out visitors to the sign-in page, and a 400 for a server action call Next.js could not decode. The redirect is a convenience, not security: every page,
 * action and route handler authorizes on the server through lib/auth/guards.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PAGES.test(pathname) && !(await readSessionToken(request.cookies))) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  if (await isUnreadableActionBody(request)) {
    return NextResponse.json({ error: "The form could not be read. Reload the page and try again." }, { status: 400 });
  }
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // API routes answer 401 themselves and are not documents; static assets carry no script.
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|robots\\.txt|icon\\.svg).*)"],
};
