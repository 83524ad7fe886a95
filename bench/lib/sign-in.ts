/** The demo accounts the benchmark acts as: staff reads as the clinician, the portal as her patient. */
export const BENCH_ACCOUNTS = {
  staff: { email: "rivera@northside.test", password: "demo-pass-1234" },
  patient: { email: "lee@patient.test", password: "demo-pass-1234" },
} as const;
export type Who = keyof typeof BENCH_ACCOUNTS | "anonymous";

export type Session = { cookie: string; me: { id: string; role: string; patientId: string | null } };

/** Name → value of every Set-Cookie; next-auth splits a large session token into `.0`, `.1` … cookies. */
function collectCookies(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/** Signs in the way the login form does (csrf token, then the credentials callback) and keeps the cookies. */
export async function signIn(origin: string, who: keyof typeof BENCH_ACCOUNTS): Promise<Session> {
  const { email, password } = BENCH_ACCOUNTS[who];
  const jar = new Map<string, string>();
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  collectCookies(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  collectCookies(callback, jar);
  await callback.body?.cancel();
  if (![...jar.keys()].some((name) => name.includes("session-token"))) {
    throw new Error(`Sign-in as ${email} failed: the credentials callback answered ${callback.status} without a session cookie.`);
  }
  // Only the session cookie is needed from here on; the csrf and callback-url cookies would only add bytes.
  for (const name of jar.keys()) if (!name.includes("session-token")) jar.delete(name);
  const cookie = cookieHeader(jar);
  const me = await fetch(`${origin}/api/me`, { headers: { cookie } });
  if (me.status !== 200) throw new Error(`Sign-in as ${email} failed: /api/me answered ${me.status}.`);
  return { cookie, me: (await me.json()) as Session["me"] };
}
