import type { APIRequestContext } from "@playwright/test";
import { DEMO } from "./accounts";
import { createPatientWithPlan, expect, hoursAgo, sessionReport, signInViaForm, test } from "./fixtures";

// Issue 11: each case a hostile or sloppy client reproduced against the API, now closed.
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

type Alert = { id: string; patientId: string; sessionId: string | null; relatedSessionId: string | null; reactionId: string | null; kind: string; severity: string; summary: string };

const session = sessionReport;

async function logSession(api: APIRequestContext, patientId: string, overrides: Record<string, unknown> = {}) {
  const response = await api.post(`/api/patients/${patientId}/sessions`, { data: session(overrides) });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; flags: string[]; performedAt: string };
}

async function alertsOf(api: APIRequestContext, patientId: string, status = "open"): Promise<Alert[]> {
  return ((await (await api.get(`/api/alerts?status=${status}&patientId=${patientId}`)).json()).items as Alert[]).filter((a) => a.patientId === patientId);
}

async function nextAllowed(api: APIRequestContext, patientId: string, area: string) {
  const homeCare = await (await api.get(`/api/patients/${patientId}/home-care`)).json();
  return (homeCare.areas as { area: string; nextAllowedAt: string | null; nextAllowedReasons: string[] }[]).find((a) => a.area === area)!;
}

/** The second to the whole second, so boundary times are exact in ISO. */
const wholeSecondsAgo = (hours: number) => new Date(Math.floor((Date.now() - hours * HOUR_MS) / 1000) * 1000);

test("a session reported late is judged against the later one too; the earlier keeps its flags and the alert names both", async ({ apiAs }) => {
  const api = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(api, "Late Report", { areas: [{ area: "face", maxNeedleMm: 0.25 }], minIntervalDays: 3 });
  // Sessions are judged by the plan in force when performed, and this plan was decided just now: the
  // late one is dated at the decision itself, the first a moment after it.
  const decidedAt: string = (await (await api.get(`/api/patients/${patient.id}`)).json()).currentPlan.decidedAt;
  const first = await logSession(api, patient.id, { needleMm: 0.25 });
  expect(first.flags).toEqual([]);
  const late = await logSession(api, patient.id, { needleMm: 0.25, performedAt: decidedAt });
  expect(late.performedAt < first.performedAt).toBe(true);
  expect(late.flags).toContain("interval_too_short");

  const stored = (await (await api.get(`/api/patients/${patient.id}/sessions`)).json()).items as { id: string; flags: string[] }[];
  expect(stored.find((s) => s.id === first.id)!.flags).toEqual([]);
  const alert = (await alertsOf(api, patient.id)).find((a) => a.sessionId === late.id);
  expect(alert).toMatchObject({ kind: "off_plan_session", relatedSessionId: first.id });
  expect(alert!.summary.match(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/g)).toHaveLength(2);
});

test("a reaction given by area links to that area's latest session and alerts after 72 hours, not at 72", async ({ apiAs }) => {
  const api = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(api, "Reaction Area");
  const faceAt = wholeSecondsAgo(120);
  const face = await logSession(api, patient.id, { performedAt: faceAt.toISOString() });
  await logSession(api, patient.id, { area: "neck", needleMm: 0.25, performedAt: hoursAgo(1) });
  const report = (reportedAt: string) =>
    api.post(`/api/patients/${patient.id}/reactions`, { data: { area: "face", reportedAt, symptoms: [{ symptom: "erythema", grade: 1 }] } });

  const now = await report(new Date().toISOString());
  expect(now.status()).toBe(201);
  expect(await now.json()).toMatchObject({ sessionId: face.id, area: "face", alert: { severity: "high" } });
  const at72 = await (await report(new Date(faceAt.getTime() + 72 * HOUR_MS).toISOString())).json();
  expect(at72).toMatchObject({ sessionId: face.id, alert: null });
  const after72 = await (await report(new Date(faceAt.getTime() + 72 * HOUR_MS + 1000).toISOString())).json();
  expect(after72).toMatchObject({ sessionId: face.id, alert: { severity: "high" } });

  const lasting = (await alertsOf(api, patient.id)).filter((a) => a.kind === "persistent_reaction");
  expect(lasting.map((a) => a.reactionId).sort()).toEqual([after72.id, (await now.json()).id].sort());
  expect(lasting.every((a) => a.severity === "high" && a.sessionId === face.id)).toBe(true);
});

test("a reaction must say where, and cannot come before its session", async ({ apiAs }) => {
  const api = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(api, "Reaction Where");
  const face = await logSession(api, patient.id, { performedAt: hoursAgo(10) });
  const post = (body: Record<string, unknown>) => api.post(`/api/patients/${patient.id}/reactions`, { data: { reportedAt: hoursAgo(1), symptoms: [{ symptom: "erythema", grade: 1 }], ...body } });
  const cases: [Record<string, unknown>, string][] = [
    [{}, "area"],
    [{ sessionId: null, area: null }, "area"],
    [{ area: "eyelid" }, "area"],
    [{ sessionId: face.id, reportedAt: hoursAgo(11) }, "reportedAt"],
    [{ sessionId: face.id, area: "neck" }, "area"],
  ];
  for (const [body, field] of cases) {
    const response = await post(body);
    expect(response.status(), JSON.stringify(body)).toBe(400);
    expect((await response.json()).issues.map((i: { path: string }) => i.path), JSON.stringify(body)).toContain(field);
  }
  expect((await (await api.get(`/api/patients/${patient.id}/reactions`)).json()).total).toBe(0);
});

test("unsanitized, clinic-depth and suspended-plan sessions are stored, flagged and alerted by risk", async ({ apiAs }) => {
  const api = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(api, "Session Risks");
  const unsanitized = await logSession(api, patient.id, { sanitized: false });
  expect(unsanitized.flags).toEqual(["not_sanitized"]);
  const deep = await logSession(api, patient.id, { area: "neck", needleMm: 1.5 });
  expect(deep.flags).toContain("needle_above_home_max");
  const impossible = await api.post(`/api/patients/${patient.id}/sessions`, { data: session({ area: "scalp", needleMm: 5.5 }) });
  expect(impossible.status()).toBe(400);
  expect((await impossible.json()).issues.map((i: { path: string }) => i.path)).toContain("needleMm");

  const suspend = await api.post(`/api/patients/${patient.id}/plans`, { data: { baseVersion: 1, decision: "suspended", reason: "Paused after a phone review of a reaction." } });
  expect(suspend.status(), await suspend.text()).toBe(201);
  const whileSuspended = await logSession(api, patient.id, { area: "hands", needleMm: 0.25 });
  expect(whileSuspended.flags).toContain("plan_suspended");

  const alerts = await alertsOf(api, patient.id);
  const severityOf = (sessionId: string) => alerts.find((a) => a.sessionId === sessionId)?.severity;
  expect(severityOf(unsanitized.id)).toBe("normal");
  expect(severityOf(deep.id)).toBe("high");
  expect(severityOf(whileSuspended.id)).toBe("high");
  expect((await (await api.get(`/api/patients/${patient.id}/sessions`)).json()).total).toBe(3);
});

const clinicDayStart = (performedAt: string, days: number) => new Date(Date.parse(`${performedAt.slice(0, 10)}T00:00:00.000Z`) + days * DAY_MS).toISOString();

test("redness lasting past 48 hours adds the clinic's extra days before the next session there", async ({ apiAs }) => {
  const api = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(api, "Lasting Redness");
  const faceAt = wholeSecondsAgo(61);
  await logSession(api, patient.id, { performedAt: faceAt.toISOString() });
  const before = await nextAllowed(api, patient.id, "face");
  // Spacing counts clinic days (UTC on the test server): from the start of the seventh day after the session's.
  expect(before).toMatchObject({ nextAllowedAt: clinicDayStart(faceAt.toISOString(), 7), nextAllowedReasons: ["plan_interval"] });

  const reportedAt = new Date(faceAt.getTime() + 60 * HOUR_MS).toISOString();
  const reaction = await api.post(`/api/patients/${patient.id}/reactions`, { data: { area: "face", reportedAt, symptoms: [{ symptom: "erythema", grade: 1 }] } });
  expect(reaction.status()).toBe(201);
  const after = await nextAllowed(api, patient.id, "face");
  expect(Date.parse(after.nextAllowedAt!) - Date.parse(before.nextAllowedAt!)).toBe(7 * DAY_MS);
  expect(after.nextAllowedReasons).toContain("prolonged_redness");
  expect((await nextAllowed(api, patient.id, "neck")).nextAllowedAt).toBeNull();
});

test("after an off-plan 1.0 mm session the next one waits for the 1.0 mm floor, not the plan's interval", async ({ apiAs }) => {
  const api = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(api, "Longer Needle");
  const deep = await logSession(api, patient.id, { needleMm: 1.0 });
  expect(deep.flags).toContain("needle_exceeds_plan");
  const face = await nextAllowed(api, patient.id, "face");
  expect(face.nextAllowedAt).toBe(clinicDayStart(deep.performedAt, 28));
  expect(face.nextAllowedReasons).toContain("longer_needle");
});

test("an admin may annotate a high alert but only a clinician acknowledges or resolves it", async ({ apiAs }) => {
  const clinician = await apiAs(DEMO.rivera);
  const admin = await apiAs(DEMO.admin);
  const patient = await createPatientWithPlan(clinician, "High Alert Admin");
  const deep = await logSession(clinician, patient.id, { needleMm: 2.0 });
  const alert = (await alertsOf(admin, patient.id)).find((a) => a.sessionId === deep.id)!;
  expect(alert.severity).toBe("high");

  const note = { note: "Spoke to the patient; clinic device used at home." };
  expect((await admin.post(`/api/alerts/${alert.id}/resolve`, { data: note })).status()).toBe(403);
  expect((await admin.post(`/api/alerts/${alert.id}/acknowledge`)).status()).toBe(403);
  expect((await admin.post(`/api/alerts/${alert.id}/notes`, { data: { kind: "note", ...note } })).status()).toBe(201);
  // Still open for a clinician, whatever the admin did.
  expect((await alertsOf(admin, patient.id)).map((a) => a.id)).toContain(alert.id);
  expect((await clinician.post(`/api/alerts/${alert.id}/resolve`, { data: note })).status()).toBe(200);
});

test("clinic settings refuse every loosening by name, and an admin cannot change them", async ({ apiAs }) => {
  const clinician = await apiAs(DEMO.okafor);
  const admin = await apiAs(DEMO.admin);
  const settings = await (await clinician.get("/api/clinic/settings")).json();
  const loosenings: [Record<string, unknown>, string][] = [
    [{ screeningClasses: { ...settings.screeningClasses, pregnancy: "review" } }, "screening_always_blocks"],
    [{ intervalFloors: settings.intervalFloors.map((f: { upToMm: number; minDays: number }) => (f.upToMm === 1 ? { ...f, minDays: 20 } : f)) }, "interval_floor_below_minimum"],
    [{ alertRules: { ...settings.alertRules, infectionGrade: 2 } }, "infection_alert_weakened"],
    [{ alertRules: { ...settings.alertRules, persistentHours: 96 } }, "persistent_alert_weakened"],
  ];
  for (const [change, rule] of loosenings) {
    const response = await clinician.put("/api/clinic/settings", { data: { ...settings, ...change } });
    expect(response.status(), rule).toBe(400);
    const body = await response.json();
    expect(body.issues.map((i: { rule?: string }) => i.rule), rule).toContain(rule);
    expect(body.error.length, rule).toBeGreaterThan(10);
  }
  expect((await admin.put("/api/clinic/settings", { data: { ...settings, screeningValidityDays: 60 } })).status()).toBe(403);
  // Nothing refused was saved (audit.spec.ts may touch screeningValidityDays meanwhile, so not compared).
  const after = await (await clinician.get("/api/clinic/settings")).json();
  expect({ classes: after.screeningClasses, floors: after.intervalFloors, rules: after.alertRules }).toEqual({
    classes: settings.screeningClasses,
    floors: settings.intervalFloors,
    rules: settings.alertRules,
  });
});

test("in the browser, a loosening is named by its field before sending, and admins read settings and high alerts without changing them", async ({ page, apiAs }) => {
  const clinician = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(clinician, "Admin View");
  await logSession(clinician, patient.id, { needleMm: 1.5 });

  await signInViaForm(page, DEMO.okafor);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByText("At least 28 days.")).toBeVisible();
  await page.getByLabel("Longest length up to 1.0 mm").fill("20");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("The floor for 1.0 mm cannot be below 28 days.")).toBeVisible();
  await expect(page.getByText(/Not saved/)).toBeVisible();

  await page.context().clearCookies();
  await signInViaForm(page, DEMO.admin);
  await page.goto("/settings");
  await expect(page.getByText(/Clinical safety settings are changed by a clinician/)).toBeVisible();
  await expect(page.getByLabel("Longest length up to 1.0 mm")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);

  await page.goto("/alerts");
  const high = page.getByRole("listitem").filter({ hasText: patient.name });
  await expect(high).toContainText("High");
  await expect(high).toContainText("Only a clinician acknowledges or resolves high-severity alerts: add a note instead.");
  await expect(high.getByRole("button", { name: "Resolve…" })).toHaveCount(0);
  await expect(high.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
});
