import { expect, request as playwrightRequest, test as base, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { PASSWORD } from "./accounts";

/** Signs in through next-auth's own endpoints; cookies land in whatever context owns `request`. */
export async function signInViaApi(request: APIRequestContext, email: string, password = PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const me = await request.get("/api/me");
  expect(me.status(), `sign-in as ${email} should succeed`).toBe(200);
  return (await me.json()) as { id: string; role: string; patientId: string | null; clinicId: string };
}

export async function signInViaForm(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Settle before the test moves on: either we left the sign-in page or it shows its error.
  await Promise.race([
    page.waitForURL((url) => !url.pathname.startsWith("/login")),
    page.getByText(/email, password or code is incorrect/i).waitFor(),
  ]);
}

/**
 * A fresh API client for `baseURL`. It names the app as its Origin, as a browser does on every write:
 * the server refuses writes without a same-origin Origin or Sec-Fetch-Site.
 */
export function newApiContext(baseURL: string | undefined, options: Parameters<typeof playwrightRequest.newContext>[0] = {}) {
  return playwrightRequest.newContext({ baseURL, ...options, extraHTTPHeaders: { Origin: new URL(baseURL!).origin, ...options.extraHTTPHeaders } });
}

type Fixtures = {
  /** Opens a separate signed-in API client, e.g. staff looking up ids for a patient's test. */
  apiAs: (email: string) => Promise<APIRequestContext>;
};

export const test = base.extend<Fixtures>({
  apiAs: async ({ baseURL }, use) => {
    const opened: APIRequestContext[] = [];
    await use(async (email) => {
      const context = await newApiContext(baseURL);
      opened.push(context);
      await signInViaApi(context, email);
      return context;
    });
    await Promise.all(opened.map((c) => c.dispose()));
  },
  // Every browser test doubles as a check of the Content-Security-Policy: anything it blocks fails the test.
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await use(page);
    expect(violations, "Content-Security-Policy violations").toEqual([]);
  },
});

export { expect };

export async function findPatientId(api: APIRequestContext, name: string): Promise<string> {
  const response = await api.get(`/api/patients?q=${encodeURIComponent(name)}`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { id: string; name: string }[] };
  const match = items.find((p) => p.name === name);
  if (!match) throw new Error(`No patient named ${name}`);
  return match.id;
}

const SCREENING_CODES = [
  "pregnancy",
  "isotretinoin",
  "active_infection",
  "active_acne",
  "eczema_psoriasis",
  "rosacea",
  "keloid",
  "anticoagulants",
  "diabetes_wound_healing",
  "cardiac",
  "collagen_vascular",
  "immunosuppression",
  "skin_cancer",
  "metal_allergy",
  "recent_procedure",
];

let patientCounter = 0;

/** A new patient of the clinician's clinic, so each test owns its data. */
export async function createTestPatient(api: APIRequestContext, name = "Test Patient"): Promise<{ id: string; name: string; mrn: string }> {
  const me = await (await api.get("/api/me")).json();
  const mrn = `E2E-${Date.now().toString(36)}-${process.pid}-${(patientCounter += 1)}`.toUpperCase();
  const uniqueName = `${name} ${mrn.slice(-6)}`;
  const response = await api.post("/api/patients", {
    data: { name: uniqueName, dateOfBirth: "1988-03-14", mrn, skinType: 2, responsibleClinicianId: me.id },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { id: (await response.json()).id, name: uniqueName, mrn };
}

/** Records a complete screening; `yes` lists the items answered yes. Returns the new screening version. */
export async function screenPatient(api: APIRequestContext, patientId: string, yes: string[] = []): Promise<number> {
  const response = await api.put(`/api/patients/${patientId}/screening`, {
    data: { answers: SCREENING_CODES.map((item) => ({ item, answer: yes.includes(item) })) },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { version: number }).version;
}

export function isoDaysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** An approval every rule accepts on a first, clean screening (version 1); override what a test is about. */
export const validApproval = (overrides: Record<string, unknown> = {}) => ({
  baseVersion: 0,
  screeningVersion: 1,
  decision: "approved",
  areas: [{ area: "face", maxNeedleMm: 0.5 }],
  minIntervalDays: 7,
  reviewBy: isoDaysFromNow(90),
  instructions: "Sanitize before and after every session.",
  ...overrides,
});

/** Invites a patient and sets their password through the one-time link, as the patient would. */
export async function activatePortalAccount(browser: Browser, staffApi: APIRequestContext, patientId: string) {
  const email = `portal-${Date.now().toString(36)}-${(patientCounter += 1)}@patient.test`;
  const password = "portal-pass-12345";
  const invite = await staffApi.post(`/api/patients/${patientId}/invite`, { data: { email } });
  expect(invite.status(), await invite.text()).toBe(201);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto((await invite.json()).url);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Your password is set.")).toBeVisible();
  await context.close();
  return { email, password };
}

/** A patient of the staff member's clinic with a clean screening and an approved plan. */
export async function createPatientWithPlan(api: APIRequestContext, name: string, plan: Record<string, unknown> = {}) {
  const patient = await createTestPatient(api, name);
  const screeningVersion = await screenPatient(api, patient.id);
  const response = await api.post(`/api/patients/${patient.id}/plans`, {
    data: validApproval({ areas: [{ area: "face", maxNeedleMm: 0.5 }, { area: "neck", maxNeedleMm: 0.25 }], screeningVersion, ...plan }),
  });
  expect(response.status(), await response.text()).toBe(201);
  return patient;
}

/**
 * A session report that breaks no rule (sanitized, patch-tested, face 0.5 mm, now), so a test changes
 * only what it is about. Test plans are decided just now: sessions are judged by the plan in force.
 */
export const sessionReport = (overrides: Record<string, unknown> = {}) => ({
  performedAt: new Date().toISOString(),
  area: "face",
  needleMm: 0.5,
  device: "roller",
  sanitized: true,
  patchTestDone: true,
  notes: null,
  ...overrides,
});

export const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** Sets a password through a one-time link (a staff invitation or reset), as its owner would in the browser. */
export async function setPasswordThroughLink(browser: Browser, url: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Your password is set.")).toBeVisible();
  await context.close();
}
