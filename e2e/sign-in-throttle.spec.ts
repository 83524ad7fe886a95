import type { APIRequestContext } from "@playwright/test";
import { DEMO, E2E_ACCOUNTS, PASSWORD } from "./accounts";
import { expect, test } from "./fixtures";

// The suite's server trusts loopback as a proxy (e2e/server.ts), so X-Forwarded-For names the client
// address here. Each test uses addresses of its own: the counters are per address.

async function csrf(request: APIRequestContext): Promise<string> {
  return ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

function attempt(request: APIRequestContext, csrfToken: string, from: string, email: string, password: string, path = "callback") {
  return request.post(`/api/auth/${path}/credentials`, {
    form: { csrfToken, email, password, json: "true" },
    headers: { "x-forwarded-for": from },
    maxRedirects: 0,
  });
}

const lockout = E2E_ACCOUNTS.find((a) => a.email === "lockout@northside.test")!;

test.describe("sign-in throttling", () => {
  test("50 failures from one address get it 429 with Retry-After, even with the right password; other addresses are unaffected", async ({ request }) => {
    test.slow();
    const token = await csrf(request);
    for (let i = 0; i < 50; i += 1) {
      expect((await attempt(request, token, "203.0.113.50", `spray-${i}@nowhere.test`, "guess")).status()).toBe(401);
    }
    for (const path of ["callback", "signin"]) {
      const refused = await attempt(request, token, "203.0.113.50", DEMO.rivera, PASSWORD, path);
      expect(refused.status(), path).toBe(429);
      expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(800);
      expect(Number(refused.headers()["retry-after"])).toBeLessThanOrEqual(900);
    }
    expect((await attempt(request, token, "203.0.113.51", DEMO.rivera, PASSWORD)).status()).toBe(200);
  });

  test("an attacker's failures elsewhere do not lock the owner out; the attacker's address is slowed down", async ({ page, request }) => {
    const token = await csrf(request);
    const statuses = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await attempt(request, token, "198.51.100.66", lockout.email, `guess-${i}`)).status());
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);

    // The owner, from their own address, signs in through the form as usual.
    await page.goto("/login");
    await page.getByLabel("Email").fill(lockout.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/overview$/);
  });

  test("the form tells a throttled visitor to wait", async ({ page, request }) => {
    const token = await csrf(request);
    for (let i = 0; i < 5; i += 1) await attempt(request, token, "198.51.100.77", DEMO.okafor, `guess-${i}`);
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.77" });
    await page.goto("/login");
    await page.getByLabel("Email").fill(DEMO.okafor);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/too many sign-in attempts/i)).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("30 parallel wrong passwords for one account reach the password check 5 times", async ({ request }) => {
    const token = await csrf(request);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(request, token, "198.51.100.88", DEMO.patel, `guess-${i}`)));
    const statuses = answers.map((a) => a.status()).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
  });

  test("a client cannot name its own socket address: a forged internal header is replaced by our server", async ({ apiAs, request }) => {
    const forged = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken: await csrf(request), email: DEMO.rivera, password: "not-the-password", json: "true" },
      // Loopback is a trusted proxy here, so the audited address is the X-Forwarded-For hop; were the
      // forged peer header believed, it would be 203.0.113.66 (not a trusted proxy).
      headers: { "x-dermaplan-remote-addr": "203.0.113.66", "x-forwarded-for": "198.51.100.99" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(401);
    const { id } = (await (await (await apiAs(DEMO.rivera)).get("/api/me")).json()) as { id: string };
    const admin = await apiAs(DEMO.admin);
    const failures = (await (await admin.get(`/api/audit?action=auth.sign_in&actorId=${id}&pageSize=100`)).json()) as AuditItems;
    const ips = failures.items.filter((i) => i.outcome === "failure").map((i) => i.ip);
    expect(ips).toContain("198.51.100.99");
    expect(ips).not.toContain("203.0.113.66");
  });

  test("a throttle is audited with the address and the account's email, for the account's clinic", async ({ apiAs, request }) => {
    const token = await csrf(request);
    for (let i = 0; i < 5; i += 1) await attempt(request, token, "192.0.2.44", DEMO.admin, `guess-${i}`);
    const admin = await apiAs(DEMO.admin);
    const throttles = (await (await admin.get("/api/audit?action=auth.throttle&pageSize=100")).json()) as AuditItems;
    expect(throttles.items.find((i) => i.ip === "192.0.2.44")).toMatchObject({
      outcome: "denied",
      actor: null,
      detail: { scope: "account", email: DEMO.admin, address: "192.0.2.44", failures: 5, retryAfterS: 30 },
    });
  });
});

type AuditItems = { items: { ip: string | null; outcome: string; actor: unknown; detail: Record<string, unknown> }[] };
