import { DEMO, E2E_ACCOUNTS, PASSWORD } from "./accounts";
import { expect, signInViaApi, signInViaForm, test } from "./fixtures";

const GENERIC_ERROR = /email, password or code is incorrect/i;

test.describe("signing in through the form", () => {
  for (const email of [DEMO.admin, DEMO.rivera, DEMO.okafor, DEMO.chen]) {
    test(`staff ${email} lands on the clinic overview`, async ({ page }) => {
      await signInViaForm(page, email);
      await expect(page).toHaveURL(/\/overview$/);
      await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
      await expect(page.getByRole("region", { name: "Plans by status" })).toBeVisible();
    });
  }

  for (const [email, name, plan] of [
    [DEMO.lee, "Jordan Lee", "Face: up to 0.5 mm"],
    [DEMO.patel, "Priya Patel", "No plan is recorded yet."],
    [DEMO.garcia, "Ana Garcia", "Face: up to 0.25 mm"],
  ] as const) {
    test(`patient ${email} lands on their own portal page`, async ({ page }) => {
      await signInViaForm(page, email);
      await expect(page).toHaveURL(/\/portal$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${name}`);
      await expect(page.getByText(plan)).toBeVisible();
    });
  }

  test("a wrong password shows one generic message and does not sign in", async ({ page }) => {
    await signInViaForm(page, DEMO.okafor, "not-the-password");
    await expect(page.getByText(GENERIC_ERROR)).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    expect((await page.request.get("/api/me")).status()).toBe(401);
  });

  test("an unknown email shows the same generic message", async ({ page }) => {
    await signInViaForm(page, "nobody@northside.test", PASSWORD);
    await expect(page.getByText(GENERIC_ERROR)).toBeVisible();
  });

  test("a sign-in goes back to the page the visitor first asked for", async ({ page }) => {
    await page.goto("/patients?q=Lee");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel("Email").fill(DEMO.rivera);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/patients\?q=Lee$/);
    await expect(page.getByRole("link", { name: "Jordan Lee" })).toBeVisible();
  });

  for (const hostile of ["%2F%09%2Fevil.example%2Fx", "%2F%0A%2Fevil.example", "%2F..%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "%2F%5Cevil.example"]) {
    test(`a hostile callbackUrl (${hostile}) never leaves the site`, async ({ page, baseURL }) => {
      await page.goto(`/login?callbackUrl=${hostile}`);
      await page.getByLabel("Email").fill(DEMO.rivera);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      await expect(page).toHaveURL(/\/overview$/);
    });
  }
});

test.describe("signed-out visitors", () => {
  for (const path of ["/", "/patients", "/portal", "/patients/00000000-0000-4000-8000-000000000000"]) {
    test(`are sent to /login from ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login/);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    });
  }

  test("get 401 JSON from the API", async ({ request }) => {
    for (const path of ["/api/me", "/api/patients", "/api/patients/00000000-0000-4000-8000-000000000000"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(401);
      expect(await response.json()).toEqual({ error: expect.any(String) });
    }
  });
});

test.describe("signing out", () => {
  test("sign out ends the session", async ({ page }) => {
    await signInViaForm(page, DEMO.rivera);
    await expect(page).toHaveURL(/\/overview$/);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login/);
    expect((await page.request.get("/api/me")).status()).toBe(401);
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/login/);
  });

  test("sign out on all devices revokes sessions held elsewhere", async ({ page, apiAs }) => {
    const { email } = E2E_ACCOUNTS[0]!;
    const otherDevice = await apiAs(email);
    expect((await otherDevice.get("/api/me")).status()).toBe(200);

    await signInViaForm(page, email);
    await expect(page).toHaveURL(/\/overview$/);
    await page.getByRole("button", { name: "Sign out on all devices" }).click();
    await expect(page).toHaveURL(/\/login/);

    expect((await otherDevice.get("/api/me")).status()).toBe(401);
    expect((await otherDevice.get("/api/patients")).status()).toBe(401);
    // A fresh sign-in still works afterwards.
    await signInViaApi(page.request, email);
  });
});

test("the health check answers after a real database query", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
