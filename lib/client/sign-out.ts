/**
 * Ends this browser's session through next-auth's own endpoints (CSRF token, then POST signout), so
 * next-auth's sign-out event and audit still run, without shipping next-auth's client (~10 kB gzip)
 * to every page for one button.
 */
export async function signOutOfThisBrowser(callbackUrl = "/login"): Promise<void> {
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
    });
  } finally {
    // Leave the page whatever happened: a cookie the server no longer honours is harmless, a page left open is not.
    window.location.assign(callbackUrl);
  }
}
