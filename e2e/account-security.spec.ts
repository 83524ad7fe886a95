import type { APIRequestContext } from "@playwright/test";
import { totpAt } from "@/lib/auth/totp";
import { DEMO } from "./accounts";
import { expect, newApiContext, signInViaApi, test } from "./fixtures";

const SIGNOUT_USER = "signout@northside.test";
const NEW_PASSWORD = "two-factor passphrase";

/** One credentials attempt through next-auth's endpoints; the error code next-auth answered, if any. */
async function attempt(api: APIRequestContext, email: string, code?: string): Promise<{ signedIn: boolean; error: string | null }> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: NEW_PASSWORD, ...(code ? { code } : {}), json: "true" },
    maxRedirects: 0,
  });
  const { url } = (await response.json()) as { url: string };
  const signedIn = (await api.get("/api/me")).status() === 200;
  return { signedIn, error: new URL(url, "http://x").searchParams.get("error") };
}

test("a clinician turns on two-factor sign-in, then signs in with a code, with a recovery code once, and not without one", async ({ page, baseURL, apiAs }) => {
  // A clinician of their own, invited by the admin, so the test can run again on the same server.
  const MFA_USER = `mfa-${Date.now().toString(36)}-${process.pid}@northside.test`;
  const invited = await (await apiAs(DEMO.admin)).post("/api/staff", { data: { email: MFA_USER, name: "Dr. Two Factor", role: "clinician" } });
  expect(invited.status()).toBe(201);
  await page.goto((await invited.json()).inviteUrl);
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByLabel("Repeat the password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Your password is set.")).toBeVisible();

  await page.goto("/login");
  await page.getByLabel("Email").fill(MFA_USER);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));

  await page.goto("/account");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await page.getByTestId("mfa-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code from the app").fill(totpAt(secret, Date.now()));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const listed = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(listed).toHaveCount(10);
  const codes = await listed.allTextContents();
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText(/10 of 10 recovery codes left/)).toBeVisible();

  // In a fresh browser: the password alone leads to the code question, and the code signs in.
  const fresh = await page.context().browser()!.newContext({ baseURL });
  const second = await fresh.newPage();
  await second.goto("/login");
  await second.getByLabel("Email").fill(MFA_USER);
  await second.getByLabel("Password").fill(NEW_PASSWORD);
  await second.getByRole("button", { name: "Sign in" }).click();
  const codeField = second.getByLabel("Authentication code");
  await expect(codeField).toBeVisible();
  // The enrolment used this 30-second step: the next step's code is the one still unused.
  await codeField.fill(totpAt(secret, Date.now() + 30_000));
  await second.getByRole("button", { name: "Sign in" }).click();
  await second.waitForURL((url) => !url.pathname.startsWith("/login"));
  await fresh.close();

  const api = async () => newApiContext(baseURL);
  const withoutCode = await api();
  expect(await attempt(withoutCode, MFA_USER)).toEqual({ signedIn: false, error: "MfaRequired" });
  const wrongCode = await api();
  expect((await attempt(wrongCode, MFA_USER, "000000")).signedIn).toBe(false);
  const recovery = await api();
  expect((await attempt(recovery, MFA_USER, codes[0])).signedIn).toBe(true);
  const spent = await api();
  expect((await attempt(spent, MFA_USER, codes[0])).signedIn).toBe(false);
  await Promise.all([withoutCode, wrongCode, recovery, spent].map((c) => c.dispose()));
});

test("signing out ends the session on the server: a copied cookie stops working", async ({ baseURL }) => {
  const original = await newApiContext(baseURL);
  await signInViaApi(original, SIGNOUT_USER);
  const copy = await newApiContext(baseURL, { storageState: await original.storageState() });
  expect((await copy.get("/api/me")).status()).toBe(200);

  const { csrfToken } = (await (await original.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await original.post("/api/auth/signout", { form: { csrfToken, json: "true" }, maxRedirects: 0 });
  expect((await original.get("/api/me")).status()).toBe(401);
  expect((await copy.get("/api/me")).status()).toBe(401);
  await Promise.all([original.dispose(), copy.dispose()]);
});
