import { DEMO } from "./accounts";
import { expect, findPatientId, hoursAgo, newApiContext, sessionReport, signInViaApi, signInViaForm, test } from "./fixtures";

test.describe("Content-Security-Policy", () => {
  test("every page carries a fresh nonce policy, every script of the page carries its nonce, and the app runs under it", async ({ page }) => {
    await signInViaForm(page, DEMO.rivera);
    await expect(page).toHaveURL(/\/overview$/);
    const responses = [await page.goto("/patients"), await page.goto("/patients")];
    const policies = responses.map((r) => r!.headers()["content-security-policy"] ?? "");
    const nonces = policies.map((p) => /'nonce-([^']+)'/.exec(p)?.[1]);
    expect(nonces[0]).toBeTruthy();
    expect(nonces[0]).not.toBe(nonces[1]);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "'strict-dynamic'"]) expect(policies[1]).toContain(directive);
    expect(policies[1]).not.toMatch(/script-src[^;]*unsafe/);
    const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonces[1]]));
    // React hydrated the page under the policy (and the page fixture fails the test on any violation).
    await expect.poll(() => page.locator("main").evaluate((main) => Object.keys(main).some((key) => key.startsWith("__react")))).toBe(true);
  });

  test("the sign-in page and a not-found page carry it too", async ({ page }) => {
    for (const path of ["/login", "/no-such-page"]) {
      const response = await page.goto(path);
      expect(response!.headers()["content-security-policy"], path).toMatch(/'nonce-[^']+'/);
    }
  });

  test("markup injected into a page cannot run script, while the page's own scripts do", async ({ browser, baseURL }) => {
    // A context of its own: the violations this test provokes on purpose would fail the page fixture.
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
    // What a stored cross-site-scripting flaw would put in the HTML, under the policy the server sent.
    await page.route("**/login", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "</body>",
        '<script>window.__injectedScript = true</script><img src="data:," onerror="window.__injectedHandler = true"></body>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto("/login");
    await expect.poll(() => page.locator("form").evaluate((form) => Object.keys(form).some((key) => key.startsWith("__react")))).toBe(true);
    const ran = await page.evaluate(() => {
      const flags = window as unknown as Record<string, boolean>;
      return { script: !!flags.__injectedScript, handler: !!flags.__injectedHandler };
    });
    expect(ran).toEqual({ script: false, handler: false });
    expect(violations.length).toBeGreaterThanOrEqual(2);
    await context.close();
  });
});

test.describe("cross-site writes", () => {
  test("a signed-in patient's session cookie cannot log a session from another site, nor as text/plain; nothing is stored", async ({ baseURL }) => {
    const patient = await newApiContext(baseURL);
    const me = await signInViaApi(patient, DEMO.lee);
    const sessions = `/api/patients/${me.patientId}/sessions`;
    const count = async () => ((await (await patient.get(sessions)).json()) as { total: number }).total;
    const before = await count();
    const body = JSON.stringify(sessionReport({ performedAt: hoursAgo(1) }));

    const foreign = await patient.post(sessions, { data: body, headers: { Origin: "https://evil.example", "Content-Type": "text/plain" } });
    expect(foreign.status()).toBe(403);
    expect(await foreign.json()).toEqual({ error: expect.stringMatching(/refused/) });
    const foreignJson = await patient.post(sessions, { data: body, headers: { Origin: "https://evil.example", "Content-Type": "application/json" } });
    expect(foreignJson.status()).toBe(403);
    const sibling = await patient.post(sessions, { data: body, headers: { Origin: "", "Sec-Fetch-Site": "same-site", "Content-Type": "application/json" } });
    expect(sibling.status()).toBe(403);

    const plainText = await patient.post(sessions, { data: body, headers: { "Content-Type": "text/plain;charset=UTF-8" } });
    expect(plainText.status()).toBe(415);
    const form = await patient.post(sessions, { form: { notes: "x" } });
    expect(form.status()).toBe(415);

    expect(await count()).toBe(before);
    await patient.dispose();
  });

  test("sign-in itself refuses a foreign Origin", async ({ baseURL }) => {
    const api = await newApiContext(baseURL, { extraHTTPHeaders: { Origin: "https://evil.example" } });
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email: DEMO.lee, password: "demo-pass-1234", json: "true" }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect((await api.get("/api/me")).status()).toBe(401);
    await api.dispose();
  });
});

test.describe("request size", () => {
  test("a body over 64 kB is refused with 413 before it is read, signed out on next-auth's endpoint and signed in on the API", async ({ apiAs, request }) => {
    const big = "x".repeat(70 * 1024);
    const signIn = await request.post("/api/auth/callback/credentials", { form: { email: DEMO.lee, password: big } });
    expect(signIn.status()).toBe(413);
    expect(await signIn.json()).toEqual({ error: "The request body is too large: at most 64 kB." });

    const staff = await apiAs(DEMO.rivera);
    const patientId = await findPatientId(staff, "Priya Patel");
    const before = await (await staff.get(`/api/patients/${patientId}`)).json();
    const patch = await staff.patch(`/api/patients/${patientId}`, { data: { name: big } });
    expect(patch.status()).toBe(413);
    expect(await (await staff.get(`/api/patients/${patientId}`)).json()).toEqual(before);
  });
});

test.describe("methods", () => {
  test("a method a route does not take answers a JSON 405 with Allow; OPTIONS lists the allowed ones", async ({ apiAs }) => {
    const staff = await apiAs(DEMO.rivera);
    const wrong = await staff.delete("/api/alerts");
    expect(wrong.status()).toBe(405);
    expect(wrong.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
    expect(await wrong.json()).toEqual({ error: "This endpoint does not accept that method. Allowed: GET, HEAD, OPTIONS." });

    const readOnly = await staff.get("/api/me/password");
    expect(readOnly.status()).toBe(405);
    expect(readOnly.headers()["allow"]).toBe("POST, OPTIONS");

    const options = await staff.fetch("/api/patients", { method: "OPTIONS" });
    expect(options.status()).toBe(204);
    expect(options.headers()["allow"]).toBe("GET, POST, HEAD, OPTIONS");

    // An export's GET is an audited disclosure: a HEAD must not cause one.
    const patientId = await findPatientId(staff, "Priya Patel");
    const head = await staff.fetch(`/api/patients/${patientId}/export/sessions.csv`, { method: "HEAD" });
    expect(head.status()).toBe(405);
    expect(head.headers()["allow"]).toBe("GET, OPTIONS");
  });
});
