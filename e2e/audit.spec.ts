import AxeBuilder from "@axe-core/playwright";
import { DEMO } from "./accounts";
import { createTestPatient, expect, findPatientId, screenPatient, signInViaForm, test, validApproval } from "./fixtures";

test.describe("the audit trail", () => {
  test("the admin sees plan decisions, filtered by patient, and downloads them as CSV", async ({ page, apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Audited");
    await screenPatient(api, patient.id);
    expect((await api.post(`/api/patients/${patient.id}/plans`, { data: validApproval() })).status()).toBe(201);

    await signInViaForm(page, DEMO.admin);
    await page.getByRole("link", { name: "Audit", exact: true }).click();
    await page.waitForURL(/\/audit$/);
    // The picker searches the roster on the server; nothing lists every patient of the clinic.
    await page.getByRole("combobox", { name: "Patient" }).fill(patient.name);
    await page.getByRole("option", { name: `${patient.name} (${patient.mrn})` }).click();
    await page.getByRole("button", { name: "Filter" }).click();
    const decision = page.getByRole("row").filter({ hasText: "Plan decision" });
    await expect(decision).toHaveCount(1);
    await expect(decision).toContainText("Dr. Sofia Rivera (clinician)");
    await expect(decision).toContainText("success");
    await expect(page.getByRole("row").filter({ hasText: "Recorded screening" })).toHaveCount(1);
    await expect(page.getByRole("row").filter({ hasText: "Created patient" })).toHaveCount(1);

    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    const csv = await page.request.get(`/api/audit?patientId=${patient.id}&format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe("occurred_at_utc,actor_name,actor_email,actor_role,action,patient_name,patient_mrn,outcome,ip,detail,scope");
    expect(text).toContain("plan.decide");
    expect(text).toContain(patient.mrn);
  });

  test("records staff reads of a patient record and every sign-in attempt", async ({ apiAs, request }) => {
    // A wrong password of our own, so the test does not depend on another test's failed sign-in.
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await request.post("/api/auth/callback/credentials", { form: { csrfToken, email: DEMO.okafor, password: "not-the-password", json: "true" }, maxRedirects: 0 });
    const clinician = await apiAs(DEMO.okafor);
    const patient = await createTestPatient(clinician, "Read Audit");
    await clinician.get(`/api/patients/${patient.id}`);
    const admin = await apiAs(DEMO.admin);
    const reads = await (await admin.get(`/api/audit?patientId=${patient.id}&action=patient.read`)).json();
    expect(reads.total).toBeGreaterThanOrEqual(1);
    expect(reads.items[0]).toMatchObject({ action: "patient.read", outcome: "success", actor: { name: "Dr. Emeka Okafor" } });
    const signIns = await (await admin.get(`/api/audit?action=auth.sign_in&actorId=${(await (await clinician.get("/api/me")).json()).id}`)).json();
    expect(signIns.items.some((i: { outcome: string }) => i.outcome === "failure")).toBe(true);
    expect(signIns.items.some((i: { outcome: string }) => i.outcome === "success")).toBe(true);
  });

  test("a clinician's roster read and refused look at another clinic's patient, and a sign-in for no account, all reach the admin", async ({ page, apiAs, request }) => {
    const rivera = await apiAs(DEMO.rivera);
    const riveraId = ((await (await rivera.get("/api/me")).json()) as { id: string }).id;
    const search = `Lee ${Date.now().toString(36)}`;
    expect((await rivera.get(`/api/patients?q=${encodeURIComponent(search)}&status=approved`)).status()).toBe(200);
    const garcia = await findPatientId(await apiAs(DEMO.chen), "Ana Garcia");
    expect((await rivera.get(`/api/patients/${garcia}`)).status()).toBe(404);
    const ghost = `nobody-${Date.now().toString(36)}@nowhere.test`;
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await request.post("/api/auth/callback/credentials", { form: { csrfToken, email: ghost, password: "whatever-it-is", json: "true" }, maxRedirects: 0 });

    await signInViaForm(page, DEMO.admin);
    await page.goto(`/audit?actorId=${riveraId}&pageSize=200`);
    const roster = page.getByRole("row").filter({ hasText: "Viewed the patient roster" }).filter({ hasText: search });
    await expect(roster).toHaveCount(1);
    await expect(roster).toContainText("Dr. Sofia Rivera (clinician)");
    const refused = page.getByRole("row").filter({ hasText: "Refused access to a patient record" }).filter({ hasText: garcia });
    await expect(refused.first()).toContainText("denied");
    // The row names the id that was asked for, never another clinic's patient.
    await expect(refused.first()).not.toContainText("Ana Garcia");

    // A page of 200, so parallel specs' failed sign-ins cannot push ours off it.
    await page.goto("/audit?scope=installation&pageSize=200");
    await expect(page.getByLabel("Events")).toHaveValue("installation");
    await expect(page.getByRole("row").filter({ hasText: `No such account: ${ghost}` })).toHaveCount(1);
    // Every clinic's admin sees it: the Northside admin, though the address names no Northside account.
    const api = await apiAs(DEMO.admin);
    const signIns = (await (await api.get("/api/audit?action=auth.sign_in&pageSize=200")).json()) as { items: { installationWide: boolean; detail: { email?: string } }[] };
    expect(signIns.items.find((i) => i.detail?.email === ghost)).toMatchObject({ installationWide: true, detail: { reason: "unknown_email" } });
  });

  test("is for admins only, and only of their own clinic", async ({ apiAs }) => {
    expect((await (await apiAs(DEMO.rivera)).get("/api/audit")).status()).toBe(403);
    expect((await (await apiAs(DEMO.lee)).get("/api/audit")).status()).toBe(403);
    expect((await (await apiAs(DEMO.rivera)).get("/api/audit?format=csv")).status()).toBe(403);
    const admin = await apiAs(DEMO.admin);
    const all = await (await admin.get("/api/audit?pageSize=200")).json();
    expect(all.items.every((i: { patient: { mrn: string } | null }) => !i.patient || !i.patient.mrn.startsWith("SB-"))).toBe(true);
    expect((await admin.get("/api/audit?from=2026-02-30")).status()).toBe(400);
  });
});

test("clinic settings: clinicians change them, admins may only re-save them, and every attempt is audited", async ({ apiAs }) => {
  const admin = await apiAs(DEMO.admin);
  const clinician = await apiAs(DEMO.okafor);
  expect((await (await apiAs(DEMO.lee)).put("/api/clinic/settings", { data: {} })).status()).toBe(403);
  expect((await clinician.put("/api/clinic/settings", { data: {} })).status()).toBe(400);
  const settings = await (await admin.get("/api/clinic/settings")).json();
  expect(settings.intervalFloors).toEqual([
    { upToMm: 0.3, minDays: 2 },
    { upToMm: 0.5, minDays: 7 },
    { upToMm: 0.75, minDays: 14 },
    { upToMm: 1, minDays: 28 },
  ]);
  expect(settings.alertRules).toEqual({ severeGrade: 3, infectionGrade: 1, persistentSymptoms: ["erythema", "swelling"], persistentGrade: 1, persistentHours: 72 });
  expect(settings).toMatchObject({ screeningValidityDays: 90, rednessExtraSpacingDays: 7 });
  const invalid = await admin.put("/api/clinic/settings", { data: { ...settings, intervalFloors: [{ upToMm: 2.5, minDays: 1 }] } });
  expect(invalid.status()).toBe(400);
  expect((await admin.put("/api/clinic/settings", { data: settings })).status()).toBe(200);
  expect((await admin.put("/api/clinic/settings", { data: { ...settings, screeningValidityDays: 89 } })).status()).toBe(403);

  // A tightening no other test depends on, put back straight after.
  const tightened = await clinician.put("/api/clinic/settings", { data: { ...settings, screeningValidityDays: 89 } });
  expect(tightened.status()).toBe(200);
  expect((await tightened.json()).screeningValidityDays).toBe(89);
  expect((await clinician.put("/api/clinic/settings", { data: settings })).status()).toBe(200);

  const audit = (await (await admin.get("/api/audit?action=clinic_settings.update&pageSize=200")).json()).items as { outcome: string; actor: { name: string } }[];
  expect(audit.some((i) => i.outcome === "success" && i.actor.name === "Dr. Emeka Okafor")).toBe(true);
  expect(audit.some((i) => i.outcome === "denied")).toBe(true);
});
