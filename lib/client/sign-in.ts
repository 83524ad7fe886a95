/**
 * Signs in with email and password through next-auth's own endpoints (CSRF token, then the
 * credentials callback), as next-auth's client does, without shipping that client (~8 kB gzip) to
 * the sign-in page. Resolves false when the credentials are refused (every reason looks the same,
 * by design); throws when the server cannot be reached or did not complete the sign-in.
 * Navigation is the caller's: next-auth's answer names a URL, which is never followed here.
 */
export async function signInWithPassword(email: string, password: string): Promise<boolean> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  if (!url) throw new Error(`Sign-in answered ${response.status} without a URL.`);
  const answer = new URL(url, window.location.origin);
  // A refused CSRF token sends next-auth back to its sign-in page with a 200 and no error: not a sign-in.
  if (answer.searchParams.has("csrf")) throw new Error("Sign-in refused the CSRF token.");
  return response.ok && !answer.searchParams.has("error");
}
