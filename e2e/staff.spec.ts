import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Browser } from "@playwright/test";
import { DEMO } from "./accounts";
import { expect, signInViaForm, test } from "./fixtures";

const STAFF_PASSWORD = "staff-pass-123456";
let counter = 0;

/** A name and email no other test uses. */
function newPerson(label: string) {
  const id = `${Date.now().toString(36)}-${process.pid}-${(counter += 1)}`;
  return { name: `Dr. ${label} ${id}`, email: `${label.toLowerCase()}-${id}@northside.test` };
}

/** Opens a set-password link in a fresh browser, as the invited person would, and sets the password. */
async function setPasswordFromLink(browser: Browser, link: string, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByText(`You will sign in with ${email}`)).toBeVisible();
  await page.getByLabel("New password").fill(STAFF_PASSWORD);
  await page.getByLabel("Repeat the password").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Your password is set.")).toBeVisible();
  return { context, page };
}

/** A clinician invited through the API by the demo admin: `{id, inviteUrl}`. */
async function inviteClinician(admin: APIRequestContext, person: { name: string; email: string }) {
  const response = await admin.post("/api/staff", { data: { ...person, role: "clinician" } });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { id: string; inviteUrl: string; expiresAt: string };
  expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(71 * 3_600_000);
  return body;
}

test.describe("a clinic admin manages the staff", () => {
  test("invites a clinician on the staff page; the clinician sets a password from the link and signs in", async ({ page, browser }) => {
    const person = newPerson("Invitee");
    await signInViaForm(page, DEMO.admin);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" }).click();
    await expect(page.getByRole("heading", { name: "Staff", level: 1 })).toBeVisible();

    await page.getByLabel("Full name").fill(person.name);
    await page.getByLabel("Email", { exact: true }).fill(person.email);
    await page.getByLabel("Role", { exact: true }).selectOption("clinician");
    await page.getByRole("button", { name: "Create invitation link" }).click();
    const link = await page.getByLabel(`One-time link for ${person.email}`, { exact: false }).inputValue();
    expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    const row = page.locator("tr", { hasText: person.email });
    await expect(row).toContainText("Invited, no password yet");
    await expect(row).toContainText("Never");

    const invitee = await setPasswordFromLink(browser, link, person.email);
    await signInViaForm(invitee.page, person.email, STAFF_PASSWORD);
    await expect(invitee.page).toHaveURL(/\/overview$/);
    await expect(invitee.page.getByRole("link", { name: "Staff" })).toHaveCount(0);

    await page.reload();
    await expect(row).toContainText("Active");
    await invitee.page.goto(link);
    await expect(invitee.page.getByText("This link has expired or was already used.")).toBeVisible();
    await invitee.context.close();
  });

  test("deactivating a clinician ends their live session: the API answers 401 and the page sends them to sign in", async ({ page, browser, apiAs }) => {
    const person = newPerson("Leaver");
    const { inviteUrl } = await inviteClinician(await apiAs(DEMO.admin), person);
    const leaver = await setPasswordFromLink(browser, inviteUrl, person.email);
    await signInViaForm(leaver.page, person.email, STAFF_PASSWORD);
    await expect(leaver.page).toHaveURL(/\/overview$/);
    expect((await leaver.page.request.get("/api/me")).status()).toBe(200);

    await signInViaForm(page, DEMO.admin);
    await page.goto("/staff");
    const row = page.locator("tr", { hasText: person.email });
    await row.getByRole("button", { name: `Deactivate ${person.name}` }).click();
    await expect(row.getByText(`Deactivate ${person.name}? They are signed out everywhere`)).toBeFocused();
    await row.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(row).toContainText("Deactivated");

    expect((await leaver.page.request.get("/api/me")).status()).toBe(401);
    await leaver.page.reload();
    await expect(leaver.page).toHaveURL(/\/login/);
    // Signing in again is refused (the generic wording belongs to the sign-in page).
    await leaver.page.getByLabel("Email").fill(person.email);
    await leaver.page.getByLabel("Password").fill(STAFF_PASSWORD);
    await leaver.page.getByRole("button", { name: "Sign in" }).click();
    await expect(leaver.page.getByText(/incorrect/i)).toBeVisible();
    await expect(leaver.page).toHaveURL(/\/login/);
    await leaver.context.close();
  });

  test("a password reset gives a new link and signs the person out; the old password stops working", async ({ page, browser, apiAs }) => {
    const person = newPerson("Forgetful");
    const { inviteUrl } = await inviteClinician(await apiAs(DEMO.admin), person);
    const forgetful = await setPasswordFromLink(browser, inviteUrl, person.email);
    await signInViaForm(forgetful.page, person.email, STAFF_PASSWORD);
    await expect(forgetful.page).toHaveURL(/\/overview$/);

    await signInViaForm(page, DEMO.admin);
    await page.goto("/staff");
    const row = page.locator("tr", { hasText: person.email });
    await row.getByRole("button", { name: `Reset the password of ${person.name}` }).click();
    await row.getByRole("button", { name: "Yes, reset password" }).click();
    const link = await row.getByLabel(`One-time link for ${person.email}`, { exact: false }).inputValue();
    expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    await expect(row).toContainText("Password reset, not yet set");

    expect((await forgetful.page.request.get("/api/me")).status()).toBe(401);
    await forgetful.page.goto(link);
    await expect(forgetful.page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await forgetful.context.close();
  });
});

test("the staff page, with a confirmation and a new link showing, has no serious accessibility violations", async ({ page, apiAs }) => {
  const person = newPerson("Axe");
  await inviteClinician(await apiAs(DEMO.admin), person);
  await signInViaForm(page, DEMO.admin);
  await page.goto("/staff");
  const row = page.locator("tr", { hasText: person.email });
  await row.getByRole("button", { name: `Reset the password of ${person.name}` }).click();
  await row.getByRole("button", { name: "Yes, reset password" }).click();
  await expect(row.getByLabel(`One-time link for ${person.email}`, { exact: false })).toBeVisible();
  await row.getByRole("button", { name: `Deactivate ${person.name}` }).click();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test.describe("the staff routes are for a clinic's own admins", () => {
  test("clinicians and patients get 403, signed-out visitors 401, and the page sends a clinician home", async ({ page, apiAs, request }) => {
    const { id } = await inviteClinician(await apiAs(DEMO.admin), newPerson("Target"));
    const calls = (api: APIRequestContext) => [
      api.get("/api/staff"),
      api.post("/api/staff", { data: { ...newPerson("Sneaky"), role: "admin" } }),
      api.patch(`/api/staff/${id}`, { data: { role: "admin" } }),
      api.post(`/api/staff/${id}/reset-password`),
      api.delete(`/api/staff/${id}/mfa`),
    ];
    for (const [who, api] of [
      ["clinician", await apiAs(DEMO.rivera)],
      ["patient", await apiAs(DEMO.lee)],
    ] as const) {
      for (const response of await Promise.all(calls(api))) {
        expect(response.status(), `${who} ${response.url()}`).toBe(403);
        expect(await response.json()).toEqual({ error: expect.any(String) });
      }
    }
    for (const response of await Promise.all(calls(request))) expect(response.status(), response.url()).toBe(401);

    await signInViaForm(page, DEMO.rivera);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" })).toHaveCount(0);
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/overview$/);
  });

  test("another clinic's staff and patients' accounts are 404; an email in use is a generic 409", async ({ apiAs }) => {
    const admin = await apiAs(DEMO.admin);
    const others = await Promise.all([DEMO.chen, DEMO.lee].map(async (email) => ((await (await apiAs(email)).get("/api/me")).json() as Promise<{ id: string }>)));
    for (const { id } of [...others, { id: "not-a-uuid" }]) {
      expect((await admin.patch(`/api/staff/${id}`, { data: { role: "clinician" } })).status()).toBe(404);
      expect((await admin.post(`/api/staff/${id}/reset-password`)).status()).toBe(404);
      expect((await admin.delete(`/api/staff/${id}/mfa`)).status()).toBe(404);
    }
    const list = (await (await admin.get("/api/staff?pageSize=100")).json()) as { items: { email: string }[]; total: number; page: number; pageSize: number };
    expect(list).toMatchObject({ page: 1, pageSize: 100, total: expect.any(Number) });
    expect(list.items.map((m) => m.email)).not.toContain(DEMO.chen);
    expect(list.items.map((m) => m.email)).not.toContain(DEMO.lee);
    expect((await admin.get("/api/staff?pageSize=1000")).status()).toBe(400);

    const answers = await Promise.all(
      [DEMO.chen, DEMO.rivera, DEMO.garcia].map(async (email) => {
        const response = await admin.post("/api/staff", { data: { email, name: "Someone", role: "clinician" } });
        return { status: response.status(), error: (await response.json()).error as string };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual([409, 409, 409]);
    expect(new Set(answers.map((a) => a.error)).size).toBe(1);
    expect(answers[0]!.error).not.toMatch(/clinic|south/i);
  });

  test("an admin cannot deactivate or demote themself", async ({ apiAs }) => {
    const admin = await apiAs(DEMO.admin);
    const { id } = (await (await admin.get("/api/me")).json()) as { id: string };
    const deactivate = await admin.patch(`/api/staff/${id}`, { data: { active: false } });
    expect(deactivate.status()).toBe(400);
    expect((await deactivate.json()).error).toMatch(/cannot deactivate your own account/);
    expect((await admin.patch(`/api/staff/${id}`, { data: { role: "clinician" } })).status()).toBe(400);
    expect((await admin.get("/api/me")).status()).toBe(200);
  });
});
