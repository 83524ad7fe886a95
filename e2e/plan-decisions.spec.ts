import AxeBuilder from "@axe-core/playwright";
import { DEMO } from "./accounts";
import { createTestPatient, expect, findPatientId, screenPatient, signInViaApi, signInViaForm, test, validApproval } from "./fixtures";

test.describe("deciding a home-care plan in the editor", () => {
  test("a clinician approves a plan for a screened patient and sees it in the history", async ({ page, apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Approve Journey");
    await screenPatient(api, patient.id);

    await signInViaForm(page, DEMO.rivera);
    await page.goto(`/patients/${patient.id}`);
    await page.getByRole("link", { name: "Decide plan" }).click();
    await expect(page.getByRole("heading", { name: `Home-care plan: ${patient.name}` })).toBeVisible();
    await expect(page.getByText("No contraindications reported.")).toBeVisible();

    await page.getByRole("checkbox", { name: "Face" }).check();
    await page.getByLabel("Maximum needle length for Face").selectOption("0.5");
    await page.getByRole("checkbox", { name: "Neck" }).check();
    await expect(page.getByText("Clinic floor for 0.5 mm: 7 days.")).toBeVisible();
    await page.getByLabel("Minimum days between sessions in one area").fill("7");
    await page.getByLabel("Review by").fill(new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Record version 1" }).click();

    await expect(page).toHaveURL(new RegExp(`/patients/${patient.id}$`));
    const history = page.getByRole("region", { name: "Plan history" });
    await expect(history.getByText(/Version 1 · approved · Dr. Sofia Rivera/)).toBeVisible();
    await expect(history.getByText("up to 0.5 mm")).toBeVisible();
    await expect(history.getByText("up to 0.25 mm")).toBeVisible();
    const plans = await (await api.get(`/api/patients/${patient.id}/plans`)).json();
    expect(plans.items[0]).toMatchObject({ version: 1, decision: "approved", minIntervalDays: 7, screeningVersion: 1, confirmLongNeedle: false, areas: [{ area: "face", maxNeedleMm: 0.5 }, { area: "neck", maxNeedleMm: 0.25 }] });
  });

  test("a denial without a reason shows the error and records nothing", async ({ page, apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Deny Journey");
    await signInViaForm(page, DEMO.rivera);
    await page.goto(`/patients/${patient.id}/plan`);
    await page.getByRole("radio", { name: "Deny" }).check();
    await page.getByRole("button", { name: "Record version 1" }).click();
    await expect(page.getByText(/A denial needs a reason \(at least 10 letters or digits\)/)).toBeVisible();
    expect((await (await api.get(`/api/patients/${patient.id}/plans`)).json()).items).toEqual([]);

    await page.getByLabel("Reason for the denial").fill("Active acne on both cheeks");
    await page.getByRole("button", { name: "Record version 1" }).click();
    await expect(page.getByRole("region", { name: "Plan history" }).getByText("Denied: Active acne on both cheeks")).toBeVisible();
  });

  test("a blocking screening answer needs an override naming it, shown before submit", async ({ page, apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Block Journey");
    await screenPatient(api, patient.id, ["keloid", "rosacea"]);
    await signInViaForm(page, DEMO.rivera);
    await page.goto(`/patients/${patient.id}/plan`);
    await expect(page.getByText("Blocks approval (override required):")).toBeVisible();
    await expect(page.getByText("Review before approving:")).toBeVisible();
    await page.getByRole("checkbox", { name: "Face" }).check();
    await page.getByLabel("Minimum days between sessions in one area").fill("2");
    await page.getByLabel("Review by").fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Record version 1" }).click();
    await expect(page.getByText(/approval needs a recorded override justification/)).toBeVisible();
    await expect(page.getByText(/Name every blocking item the override covers/)).toBeVisible();
    await expect(page.getByText("Acknowledge each screening caution: Rosacea.")).toBeVisible();

    await page.getByLabel("Contraindication override justification").fill("Keloid history on the chest only; face unaffected.");
    await page.getByRole("group", { name: "This override covers:" }).getByRole("checkbox", { name: "Keloid or hypertrophic scarring history" }).check();
    await page.getByRole("checkbox", { name: "Rosacea" }).check();
    await page.getByLabel("Maximum needle length for Face").selectOption("0.75");
    await page.getByLabel("Minimum days between sessions in one area").fill("14");
    await page.getByRole("button", { name: "Record version 1" }).click();
    await expect(page.getByText("Confirm the long needle explicitly: Face 0.75 mm.")).toBeVisible();
    await page.getByRole("checkbox", { name: /I confirm home use up to 0.75 mm/ }).check();
    await page.getByRole("button", { name: "Record version 1" }).click();
    const history = page.getByRole("region", { name: "Plan history" });
    await expect(history.getByText(/Contraindication override: Keloid history/)).toBeVisible();
    await expect(history.getByText("Keloid or hypertrophic scarring history")).toBeVisible();
    await expect(history.getByText("Long needle confirmed")).toBeVisible();
    const plans = await (await api.get(`/api/patients/${patient.id}/plans`)).json();
    expect(plans.items[0]).toMatchObject({ overriddenItems: ["keloid"], acknowledgedReviewItems: ["rosacea"], confirmLongNeedle: true, screeningVersion: 1 });
  });

  test("two tabs editing the same plan: the second gets a conflict message", async ({ page, apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Conflict Journey");
    await screenPatient(api, patient.id);
    await signInViaForm(page, DEMO.rivera);
    const second = await page.context().newPage();
    await page.goto(`/patients/${patient.id}/plan`);
    await second.goto(`/patients/${patient.id}/plan`);

    for (const tab of [page, second]) {
      await tab.getByRole("radio", { name: "Suspend" }).check();
      await tab.getByLabel("Reason for the suspension").fill(tab === page ? "First tab suspension" : "Second tab suspension");
    }
    await page.getByRole("button", { name: "Record version 1" }).click();
    await expect(page).toHaveURL(new RegExp(`/patients/${patient.id}$`));

    await second.getByRole("button", { name: "Record version 1" }).click();
    const notice = second.getByRole("alert").filter({ hasText: "This plan changed while you were editing." });
    await expect(notice).toBeVisible();
    await expect(notice.getByText(/Version 1 was recorded by Dr. Sofia Rivera/)).toBeVisible();
    await expect(notice.getByText("Suspended: First tab suspension")).toBeVisible();
    let plans = await (await api.get(`/api/patients/${patient.id}/plans`)).json();
    expect(plans.items.map((p: { reason: string }) => p.reason)).toEqual(["First tab suspension"]);

    // The second tab keeps what was typed and can decide again, knowingly, after the newer version.
    await notice.getByRole("button", { name: "Keep my entries" }).click();
    await expect(second.getByLabel("Reason for the suspension")).toHaveValue("Second tab suspension");
    await second.getByRole("button", { name: "Record version 2" }).click();
    await expect(second).toHaveURL(new RegExp(`/patients/${patient.id}$`));
    plans = await (await api.get(`/api/patients/${patient.id}/plans`)).json();
    expect(plans.items.map((p: { reason: string }) => p.reason)).toEqual(["Second tab suspension", "First tab suspension"]);
  });

  test("a screening re-recorded while the editor is open: told, nothing saved, reloaded with the entries kept", async ({ page, apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Screening Changed Journey");
    await screenPatient(api, patient.id);
    await signInViaForm(page, DEMO.rivera);
    await page.goto(`/patients/${patient.id}/plan`);
    await page.getByRole("checkbox", { name: "Face" }).check();
    await page.getByLabel("Minimum days between sessions in one area").fill("7");
    await page.getByLabel("Review by").fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));

    expect(await screenPatient(api, patient.id, ["pregnancy"])).toBe(2);
    await page.getByRole("button", { name: "Record version 1" }).click();
    const notice = page.getByRole("alert").filter({ hasText: "The screening changed while you were deciding." });
    await expect(notice).toContainText("You were looking at screening version 1; version 2 is now the latest. Nothing was saved.");
    expect((await (await api.get(`/api/patients/${patient.id}/plans`)).json()).items).toEqual([]);

    await notice.getByRole("button", { name: "Reload the screening" }).click();
    await expect(page.getByText("Blocks approval (override required):")).toBeVisible();
    await expect(page.getByLabel("Minimum days between sessions in one area")).toHaveValue("7");
    await page.getByLabel("Contraindication override justification").fill("Breastfeeding ended last month; confirmed at today's visit.");
    await page.getByRole("checkbox", { name: "Pregnancy or breastfeeding" }).check();
    await page.getByRole("button", { name: "Record version 1" }).click();
    await expect(page).toHaveURL(new RegExp(`/patients/${patient.id}$`));
    const plans = await (await api.get(`/api/patients/${patient.id}/plans`)).json();
    expect(plans.items[0]).toMatchObject({ version: 1, screeningVersion: 2, overriddenItems: ["pregnancy"] });
  });

  test("the plan editor has no serious accessibility violations", async ({ page, apiAs }) => {
    const jordanId = await findPatientId(await apiAs(DEMO.rivera), "Jordan Lee");
    await signInViaForm(page, DEMO.rivera);
    await page.goto(`/patients/${jordanId}/plan`);
    await expect(page.getByRole("heading", { name: "New decision" })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
});

test.describe("the plan API enforces every rule", () => {
  test("refuses each broken rule with 400 naming it, and stores nothing", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "API Rules");
    const post = (body: Record<string, unknown>) => api.post(`/api/patients/${patient.id}/plans`, { data: body });

    const missing = await post(validApproval());
    expect(missing.status()).toBe(400);
    expect((await missing.json()).issues[0]).toMatchObject({ rule: "screening_missing" });

    await screenPatient(api, patient.id, ["pregnancy"]);
    // A valid override of the pregnancy block, so each case below breaks only the rule it names.
    const ok = { contraindicationOverride: "Not pregnant any more; confirmed by test.", overriddenItems: ["pregnancy"] };
    const cases: [Record<string, unknown>, string][] = [
      [validApproval({ ...ok, areas: [{ area: "face", maxNeedleMm: 1.01 }], minIntervalDays: 28 }), "needle_above_home_max"],
      [validApproval({ ...ok, areas: [{ area: "face", maxNeedleMm: 0.4 }] }), "needle_not_in_home_set"],
      [validApproval({ ...ok, areas: [{ area: "face", maxNeedleMm: 0.5 }, { area: "face", maxNeedleMm: 0.25 }] }), "area_duplicated"],
      [validApproval({ ...ok, areas: [{ area: "eyelid", maxNeedleMm: 0.25 }] }), "area_unknown"],
      [validApproval({ ...ok, minIntervalDays: 6 }), "interval_below_floor"],
      [validApproval({ ...ok, reviewBy: "2020-01-01" }), "review_by_not_future"],
      [validApproval({ ...ok, reviewBy: "2099-01-01" }), "review_by_too_far"],
      [validApproval({ ...ok, areas: [{ area: "face", maxNeedleMm: 0.75 }], minIntervalDays: 14 }), "long_needle_confirmation_required"],
      [validApproval({ ...ok, overriddenItems: ["keloid"] }), "overridden_items_mismatch"],
      [validApproval({ ...ok, screeningVersion: null }), "screening_version_required"],
      [validApproval(), "contraindication_override_required"],
      [{ baseVersion: 0, decision: "suspended" }, "reason_required"],
    ];
    for (const [body, rule] of cases) {
      const response = await post(body);
      expect(response.status(), rule).toBe(400);
      const json = await response.json();
      expect(json.issues.map((i: { rule: string }) => i.rule), rule).toContain(rule);
      expect(json.error).toEqual(expect.any(String));
    }
    const badShape = await post({ ...validApproval(), minIntervalDays: "seven" });
    expect(badShape.status()).toBe(400);
    expect((await badShape.json()).issues[0].path).toBe("minIntervalDays");
    expect((await (await api.get(`/api/patients/${patient.id}/plans`)).json()).items).toEqual([]);

    const approved = await post(validApproval({ ...ok, minIntervalDays: 3, intervalOverrideReason: "Tolerates 3-day spacing" }));
    expect(approved.status()).toBe(201);
    expect(await approved.json()).toMatchObject({
      version: 1,
      decision: "approved",
      intervalOverrideReason: "Tolerates 3-day spacing",
      screeningVersion: 1,
      overriddenItems: ["pregnancy"],
      decidedBy: { name: "Dr. Sofia Rivera" },
    });
    const stale = await post(validApproval(ok));
    expect(stale.status()).toBe(409);
    expect((await stale.json()).currentVersion).toMatchObject({ version: 1 });
  });

  test("the patient record carries the current plan and the screening", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const jordan = await (await api.get(`/api/patients/${await findPatientId(api, "Jordan Lee")}`)).json();
    expect(jordan.planStatus).toBe("approved");
    expect(jordan.currentPlan).toMatchObject({ version: 1, decision: "approved", minIntervalDays: 7, screeningVersion: 1, needsReview: false, decidedBy: { name: "Dr. Sofia Rivera" } });
    expect(jordan.currentPlan.areas).toEqual([{ area: "face", maxNeedleMm: 0.5 }, { area: "neck", maxNeedleMm: 0.25 }]);
    expect(jordan.screening.evaluation).toEqual({ blocks: [], reviews: [] });
    const priya = await (await api.get(`/api/patients/${await findPatientId(api, "Priya Patel")}`)).json();
    expect(priya.currentPlan).toBeNull();
    expect(priya.screening.evaluation.blocks.map((b: { item: string }) => b.item)).toEqual(["isotretinoin"]);
  });
});

test.describe("who may touch plans", () => {
  test("a patient and another clinic's clinician are refused on every plan route", async ({ page, apiAs }) => {
    const jordanId = await findPatientId(await apiAs(DEMO.rivera), "Jordan Lee");
    const routes = [
      ["GET", `/api/patients/${jordanId}/plans`],
      ["POST", `/api/patients/${jordanId}/plans`],
      ["PUT", `/api/patients/${jordanId}/screening`],
    ] as const;
    const asPatient = await apiAs(DEMO.lee);
    const otherClinic = await apiAs(DEMO.chen);
    for (const [method, url] of routes) {
      const body = { data: validApproval({ baseVersion: 1 }) };
      expect((await asPatient.fetch(url, { method, ...body })).status(), `patient ${method} ${url}`).toBe(403);
      expect((await otherClinic.fetch(url, { method, ...body })).status(), `chen ${method} ${url}`).toBe(404);
    }
    await signInViaApi(page.request, DEMO.chen);
    await page.goto(`/patients/${jordanId}/plan`);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("admins manage patients but do not make clinical decisions", async ({ apiAs }) => {
    const admin = await apiAs(DEMO.admin);
    const jordanId = await findPatientId(admin, "Jordan Lee");
    expect((await admin.post(`/api/patients/${jordanId}/plans`, { data: validApproval({ baseVersion: 1 }) })).status()).toBe(403);
    expect((await admin.get(`/api/patients/${jordanId}/plans`)).status()).toBe(200);
  });
});

test("a clinic template is created once and prefills the editor", async ({ page, apiAs }) => {
  const api = await apiAs(DEMO.rivera);
  const patient = await createTestPatient(api, "Template Journey");
  await screenPatient(api, patient.id);
  const name = `Scalp and hands ${Date.now().toString(36)}`;
  await signInViaForm(page, DEMO.rivera);
  await page.getByRole("link", { name: "Templates" }).click();
  const form = page.getByRole("region", { name: "New template" });
  await form.getByLabel("Template name").fill(name);
  await form.getByRole("checkbox", { name: "Scalp" }).check();
  await form.getByLabel("Maximum needle length for Scalp").selectOption("0.5");
  await form.getByRole("checkbox", { name: "Hands" }).check();
  await form.getByLabel("Minimum days between sessions").fill("10");
  await form.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByRole("region", { name: "Your clinic’s templates" }).getByText(name)).toBeVisible();

  await page.goto(`/patients/${patient.id}/plan`);
  await page.getByLabel("Start from a clinic template").selectOption({ label: name });
  await expect(page.getByRole("checkbox", { name: "Scalp" })).toBeChecked();
  await expect(page.getByLabel("Maximum needle length for Scalp")).toHaveValue("0.5");
  await expect(page.getByRole("checkbox", { name: "Hands" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Face" })).not.toBeChecked();
  await expect(page.getByLabel("Minimum days between sessions in one area")).toHaveValue("10");
  expect((await api.post("/api/templates", { data: { name, areas: [{ area: "face", maxNeedleMm: 0.25 }], minIntervalDays: 3, instructions: "x" } })).status()).toBe(409);
  expect((await api.post("/api/templates", { data: { name: "Too long", areas: [{ area: "face", maxNeedleMm: 1.5 }], minIntervalDays: 28, instructions: "x" } })).status()).toBe(400);
});
