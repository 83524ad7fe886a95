import { authUrl } from "@/lib/env";

/**
 * The session cookie: `__Host-` prefixed and Secure when the site is served over https (no Domain,
 * Path=/, so no sibling host can set or read it); plain on http://localhost for development.
 */
export function sessionCookie(): { name: string; secure: boolean } {
  const secure = authUrl()?.startsWith("https://") ?? false;
  return { name: secure ? "__Host-dermaplan.session-token" : "dermaplan.session-token", secure };
}
