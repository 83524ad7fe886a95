import { NextResponse, type NextRequest } from "next/server";
import { readSessionToken } from "@/lib/auth/session-token";

/**
 * Optimistic redirect of signed-out visitors to the sign-in page. This is a convenience, not
 * security: every page, action and route handler authorizes on the server through lib/auth/guards.
 */
export async function proxy(request: NextRequest) {
  const token = await readSessionToken(request.cookies);
  if (token) return NextResponse.next();
  const login = new URL("/login", request.url);
  const { pathname, search } = request.nextUrl;
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // API routes answer 401 themselves; static assets and the sign-in page need no session.
  matcher: ["/((?!api/|_next/|login|set-password/|favicon\\.ico|robots\\.txt|icon\\.svg).*)"],
};
