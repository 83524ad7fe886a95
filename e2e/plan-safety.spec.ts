import type { APIRequestContext, APIResponse } from "@playwright/test";
import { DEMO } from "./accounts";
import {
  createPatientWithPlan,
  createTestPatient,
  expect,
  findPatientId,
  isoDaysFromNow,
  screenPatient,
  signInViaForm,
  test,
  validApproval,
} from "./fixtures";

type Issue = { rule: string; path: string };

const decide = (api: APIRequestContext, patientId: string, body: Record<string, unknown>) => api.post(`/api/patients/${patientId}/plans`, { data: body });

async function refusedRules(response: APIResponse): Promise<string[]> {
  expect(response.status(), await response.text()).toBe(400);
  return ((await response.json()).issues as Issue[]).map((i) => i.rule);
}

async function versions(api: APIRequestContext, patientId: string) {
  return (await (await api.get(`/api/patients/${patientId}/plans`)).json()).items as Record<string, unknown>[];
}

/** Text that renders as nothing: zero-width space, word joiner, Mongolian vowel separator. */
const INVISIBLE = ["\u200b".repeat(20), "\u2060\u180e".repeat(12), "ok\u200b\u2060\u180e".repeat(4)];
const OVERRIDE = { contraindicationOverride: "Pregnancy ruled out by a negative test today.", overriddenItems: ["pregnancy"] };

test.describe("justifications must be readable", () => {
  test("invisible characters never count as an override, a reason or instructions", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const blocked = await createTestPatient(api, "Invisible Override");
    await screenPatient(api, blocked.id, ["pregnancy"]);
    const clean = await createTestPatient(api, "Invisible Reasons");
    await screenPatient(api, clean.id);

    for (const text of INVISIBLE) {
      const override = await decide(api, blocked.id, validApproval({ contraindicationOverride: text, overriddenItems: ["pregnancy"] }));
      expect(await refusedRules(override)).toContain("contraindication_override_required");
      const interval = await decide(api, clean.id, validApproval({ minIntervalDays: 3, intervalOverrideReason: text }));
      expect(await refusedRules(interval)).toContain("interval_below_floor");
      const denial = await decide(api, clean.id, { baseVersion: 0, decision: "denied", reason: text });
      expect(await refusedRules(denial)).toContain("reason_required");
      const instructions = await decide(api, clean.id, validApproval({ instructions: text }));
      expect(await refusedRules(instructions)).toContain("instructions_required");
    }
    expect(await versions(api, blocked.id)).toEqual([]);
    expect(await versions(api, clean.id)).toEqual([]);
  });
});

test.describe("approvals are bound to the screening the clinician saw", () => {
  test("a screening re-recorded since answers 409 with its version; a missing version is 400", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Screening Race");
    await screenPatient(api, patient.id);
    expect(await screenPatient(api, patient.id, ["pregnancy"])).toBe(2);

    const stale = await decide(api, patient.id, validApproval({ ...OVERRIDE, screeningVersion: 1 }));
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toMatchObject({ error: expect.any(String), currentScreeningVersion: 2, screening: { version: 2 } });
    const missing = await decide(api, patient.id, validApproval({ ...OVERRIDE, screeningVersion: undefined }));
    expect(await refusedRules(missing)).toContain("screening_version_required");
    expect(await versions(api, patient.id)).toEqual([]);

    const current = await decide(api, patient.id, validApproval({ ...OVERRIDE, screeningVersion: 2 }));
    expect(current.status(), await current.text()).toBe(201);
    expect(await current.json()).toMatchObject({ screeningVersion: 2, overriddenItems: ["pregnancy"] });
  });

  test("a renewal on a screening older than the clinic's validity is refused as stale", async ({ page, apiAs }) => {
    // Seeded: screened 300 days ago, hands plan approved 299 days ago and expired. Only refused
    // attempts are made here, so other tests see this patient unchanged (bar a failure audit row).
    const api = await apiAs(DEMO.rivera);
    const id = await findPatientId(api, "Fatima Farah");
    const record = await (await api.get(`/api/patients/${id}`)).json();
    expect(record.planStatus).toBe("expired");
    const renewal = validApproval({
      baseVersion: record.currentPlan.version,
      screeningVersion: record.screening.version,
      areas: [{ area: "hands", maxNeedleMm: 0.25 }],
      minIntervalDays: 3,
    });
    const rules = await refusedRules(await decide(api, id, renewal));
    expect(rules).toEqual(["screening_stale"]);
    expect((await versions(api, id)).length).toBe(record.currentPlan.version);

    await signInViaForm(page, DEMO.rivera);
    await page.goto(`/patients/${id}/plan`);
    await expect(page.getByText(/older than 90 days and predates the last approval/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Re-record the screening" })).toHaveAttribute("href", `/patients/${id}/screening`);
  });
});

test.describe("the editor's confirmations are the server's rules", () => {
  test("a length above 0.5 mm needs confirmLongNeedle, stored with the version", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Long Needle");
    await screenPatient(api, patient.id);
    const long = { areas: [{ area: "face", maxNeedleMm: 0.75 }], minIntervalDays: 14 };

    expect(await refusedRules(await decide(api, patient.id, validApproval(long)))).toEqual(["long_needle_confirmation_required"]);
    expect(await refusedRules(await decide(api, patient.id, validApproval({ ...long, confirmLongNeedle: false })))).toEqual(["long_needle_confirmation_required"]);
    const confirmed = await decide(api, patient.id, validApproval({ ...long, confirmLongNeedle: true }));
    expect(confirmed.status(), await confirmed.text()).toBe(201);
    expect(await confirmed.json()).toMatchObject({ version: 1, confirmLongNeedle: true });
    expect((await versions(api, patient.id))[0]).toMatchObject({ version: 1, confirmLongNeedle: true });
  });

  test("every review item answered yes is acknowledged by name", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Rosacea Review");
    await screenPatient(api, patient.id, ["rosacea"]);

    expect(await refusedRules(await decide(api, patient.id, validApproval()))).toEqual(["review_items_acknowledgement_required"]);
    const wrong = await decide(api, patient.id, validApproval({ acknowledgedReviewItems: ["metal_allergy"] }));
    expect(await refusedRules(wrong)).toEqual(["review_items_acknowledgement_required"]);
    const acknowledged = await decide(api, patient.id, validApproval({ acknowledgedReviewItems: ["rosacea"] }));
    expect(acknowledged.status(), await acknowledged.text()).toBe(201);
    expect(await acknowledged.json()).toMatchObject({ acknowledgedReviewItems: ["rosacea"] });
  });

  test("an override that names the wrong blocking item is refused", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Wrong Item");
    await screenPatient(api, patient.id, ["pregnancy"]);

    const wrong = await decide(api, patient.id, validApproval({ ...OVERRIDE, overriddenItems: ["keloid"] }));
    expect(await refusedRules(wrong)).toEqual(["overridden_items_mismatch"]);
    const unnamed = await decide(api, patient.id, validApproval({ ...OVERRIDE, overriddenItems: [] }));
    expect(await refusedRules(unnamed)).toEqual(["overridden_items_mismatch"]);
    expect(await versions(api, patient.id)).toEqual([]);
    const named = await decide(api, patient.id, validApproval(OVERRIDE));
    expect(named.status(), await named.text()).toBe(201);
  });
});

test("a new block on an active plan raises a high alert and marks the plan for review until decided again", async ({ page, apiAs }) => {
  const api = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(api, "New Block");
  expect((await (await api.get(`/api/patients/${patient.id}`)).json()).needsReview).toBe(false);
  expect(await screenPatient(api, patient.id, ["pregnancy"])).toBe(2);

  const alerts = (await (await api.get(`/api/alerts?status=open&patientId=${patient.id}`)).json()).items as { patientId: string; kind: string; severity: string }[];
  expect(alerts.filter((a) => a.patientId === patient.id)).toEqual([expect.objectContaining({ kind: "new_contraindication", severity: "high" })]);
  const record = await (await api.get(`/api/patients/${patient.id}`)).json();
  expect(record).toMatchObject({ needsReview: true, currentPlan: { version: 1, needsReview: true } });
  const row = (await (await api.get(`/api/patients?q=${patient.mrn}`)).json()).items[0];
  expect(row).toMatchObject({ id: patient.id, needsReview: true });

  await signInViaForm(page, DEMO.rivera);
  await page.goto(`/patients?q=${patient.mrn}`);
  await expect(page.getByRole("row", { name: new RegExp(patient.name) })).toContainText("Paused");
  await page.goto(`/patients/${patient.id}`);
  const notice = page.getByTestId("pause-notice");
  await expect(notice).toContainText("Home microneedling paused since");
  await expect(notice).toContainText("a new blocking screening answer (pregnancy or breastfeeding)");
  // Nobody has told this patient anything: no portal account, so the notice says to call, never "has been told".
  await expect(notice).toContainText("The patient has no portal access: call them");
  await expect(notice).not.toContainText("has been told");

  const renewed = await decide(api, patient.id, validApproval({ ...OVERRIDE, baseVersion: 1, screeningVersion: 2, reviewBy: isoDaysFromNow(60) }));
  expect(renewed.status(), await renewed.text()).toBe(201);
  expect(await (await api.get(`/api/patients/${patient.id}`)).json()).toMatchObject({ needsReview: false, currentPlan: { version: 2, needsReview: false } });
  expect((await (await api.get(`/api/patients?q=${patient.mrn}`)).json()).items[0].needsReview).toBe(false);
});

test("the clinician is stopped until the long needle is confirmed and each caution ticked", async ({ page, apiAs }) => {
  const api = await apiAs(DEMO.rivera);
  const patient = await createTestPatient(api, "Long Needle Journey");
  await screenPatient(api, patient.id, ["rosacea", "metal_allergy"]);
  await signInViaForm(page, DEMO.rivera);
  await page.goto(`/patients/${patient.id}/plan`);

  await page.getByRole("checkbox", { name: "Face" }).check();
  await page.getByLabel("Maximum needle length for Face").selectOption("0.75");
  await page.getByRole("checkbox", { name: "Neck" }).check();
  await page.getByLabel("Maximum needle length for Neck").selectOption("0.75");
  await expect(page.getByText("Neck: 0.75 mm is above the typical 0.5 mm for this area.")).toBeVisible();
  await page.getByLabel("Minimum days between sessions in one area").fill("14");
  await page.getByLabel("Review by").fill(isoDaysFromNow(60));
  const record = page.getByRole("button", { name: "Record version 1" });
  await record.click();
  await expect(page.getByText("Confirm the long needle explicitly: Face 0.75 mm, Neck 0.75 mm.")).toBeVisible();
  await expect(page.getByText(/Acknowledge each screening caution: Rosacea; Metal \(nickel\) allergy/)).toBeVisible();

  await page.getByRole("checkbox", { name: /I confirm home use up to 0.75 mm/ }).check();
  await page.getByRole("checkbox", { name: "Rosacea" }).check();
  await record.click();
  await expect(page.getByText(/Acknowledge each screening caution/)).toBeVisible();
  await expect(page.getByText(/Confirm the long needle explicitly/)).toHaveCount(0);
  expect(await versions(api, patient.id)).toEqual([]);

  await page.getByRole("checkbox", { name: "Metal (nickel) allergy" }).check();
  await record.click();
  await expect(page).toHaveURL(new RegExp(`/patients/${patient.id}$`));
  const history = page.getByRole("region", { name: "Plan history" });
  await expect(history.getByText("Long needle confirmed")).toBeVisible();
  await expect(history.getByText("Rosacea; Metal (nickel) allergy")).toBeVisible();
  expect((await versions(api, patient.id))[0]).toMatchObject({
    screeningVersion: 1,
    confirmLongNeedle: true,
    acknowledgedReviewItems: ["rosacea", "metal_allergy"],
  });
});
