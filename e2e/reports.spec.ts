import { DEMO } from "./accounts";
import { createPatientWithPlan, expect, findPatientId, hoursAgo, sessionReport, signInViaForm, test } from "./fixtures";

const session = sessionReport;

test.describe("reporting sessions and reactions through the API", () => {
  test("off-plan sessions are stored with flags and raise a normal alert in the same write", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createPatientWithPlan(api, "Flags API");
    const first = await api.post(`/api/patients/${patient.id}/sessions`, { data: session() });
    expect(first.status()).toBe(201);
    expect(await first.json()).toMatchObject({ flags: [], area: "face", needleMm: 0.5, device: "roller", sanitized: true, reportedBy: { onBehalf: true } });

    const off = await api.post(`/api/patients/${patient.id}/sessions`, { data: session({ area: "scalp", needleMm: 1.0 }) });
    expect((await off.json()).flags).toEqual(["area_not_approved"]);
    const again = await api.post(`/api/patients/${patient.id}/sessions`, { data: session({ needleMm: 0.75 }) });
    expect((await again.json()).flags).toEqual(["needle_exceeds_plan", "interval_too_short"]);
    const beforePlan = await api.post(`/api/patients/${patient.id}/sessions`, { data: session({ performedAt: hoursAgo(48), area: "neck", needleMm: 0.25 }) });
    expect((await beforePlan.json()).flags).toEqual(["no_active_plan"]);

    const alerts = (await (await api.get(`/api/alerts?status=open&patientId=${patient.id}`)).json()).items.filter((a: { patientId: string }) => a.patientId === patient.id);
    expect(alerts).toHaveLength(3);
    expect(alerts.every((a: { severity: string; kind: string }) => a.severity === "normal" && a.kind === "off_plan_session")).toBe(true);
    expect(alerts[0]).toEqual(expect.objectContaining({ id: expect.any(String), status: "open", createdAt: expect.any(String), summary: expect.any(String) }));
    const list = await (await api.get(`/api/patients/${patient.id}/sessions?pageSize=2`)).json();
    expect(list.total).toBe(4);
    expect(list.items[0].performedAt >= list.items[1].performedAt).toBe(true);
    expect(list.items.map((s: { performedAt: string }) => s.performedAt)).toEqual([...list.items.map((s: { performedAt: string }) => s.performedAt)].sort().reverse());
  });

  test("reaction rules raise high alerts; expected reactions raise none", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createPatientWithPlan(api, "Reactions API");
    const s = await (await api.post(`/api/patients/${patient.id}/sessions`, { data: session({ performedAt: hoursAgo(100) }) })).json();
    const post = (body: Record<string, unknown>) => api.post(`/api/patients/${patient.id}/reactions`, { data: { reportedAt: hoursAgo(1), sessionId: s.id, notes: null, ...body } });

    const mildEarly = await post({ reportedAt: hoursAgo(90), symptoms: [{ symptom: "erythema", grade: 2 }] });
    expect(mildEarly.status()).toBe(201);
    expect((await mildEarly.json()).alert).toBeNull();
    // Still present but no worse than the earlier report, so this is the lasting rule, not the worsening one.
    const lasting = await (await post({ symptoms: [{ symptom: "erythema", grade: 1 }] })).json();
    expect(lasting.alert).toMatchObject({ severity: "high" });
    const infection = await (await post({ symptoms: [{ symptom: "infection", grade: 1 }], sessionId: undefined, area: "face", reportedAt: hoursAgo(0.5) })).json();
    expect(infection).toMatchObject({ sessionId: s.id, alert: { severity: "high" } });

    const reactions = await (await api.get(`/api/patients/${patient.id}/reactions`)).json();
    expect(reactions.total).toBe(3);
    const open = (await (await api.get(`/api/alerts?patientId=${patient.id}`)).json()).items.filter((a: { patientId: string; severity: string }) => a.patientId === patient.id && a.severity === "high");
    expect(open.map((a: { kind: string }) => a.kind).sort()).toEqual(["infection", "persistent_reaction"]);
  });

  test("invalid bodies get 400 with the field named, and nothing is stored", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createPatientWithPlan(api, "Invalid API");
    const badSessions: [Record<string, unknown>, string][] = [
      [session({ performedAt: "yesterday" }), "performedAt"],
      [session({ performedAt: new Date(Date.now() + 86_400_000).toISOString() }), "performedAt"],
      [session({ needleMm: -0.5 }), "needleMm"],
      [session({ needleMm: "0.5" }), "needleMm"],
      [session({ area: "eyelid" }), "area"],
      [session({ device: "laser" }), "device"],
      [session({ notes: "x".repeat(2001) }), "notes"],
    ];
    for (const [body, field] of badSessions) {
      const response = await api.post(`/api/patients/${patient.id}/sessions`, { data: body });
      expect(response.status(), field).toBe(400);
      expect((await response.json()).issues.map((i: { path: string }) => i.path), field).toContain(field);
    }
    const reaction = (overrides: Record<string, unknown>) => ({ reportedAt: hoursAgo(1), area: "face", symptoms: [{ symptom: "erythema", grade: 1 }], ...overrides });
    const badReactions: [Record<string, unknown>, string][] = [
      [reaction({ symptoms: [{ symptom: "sneezing", grade: 1 }] }), "symptoms.0.symptom"],
      [reaction({ symptoms: [{ symptom: "erythema", grade: 4 }] }), "symptoms.0.grade"],
      [reaction({ symptoms: [{ symptom: "erythema", grade: -1 }] }), "symptoms.0.grade"],
      [reaction({ symptoms: [] }), "symptoms"],
      [reaction({ reportedAt: "2026-13-45T00:00:00Z" }), "reportedAt"],
      [reaction({ notes: "x".repeat(2001) }), "notes"],
      [reaction({ sessionId: "00000000-0000-4000-8000-000000000000" }), "sessionId"],
      [reaction({ area: undefined }), "area"],
      [reaction({ area: "eyelid" }), "area"],
    ];
    for (const [body, field] of badReactions) {
      const response = await api.post(`/api/patients/${patient.id}/reactions`, { data: body });
      expect(response.status(), field).toBe(400);
      expect((await response.json()).issues.map((i: { path: string }) => i.path), field).toContain(field);
    }
    expect((await (await api.get(`/api/patients/${patient.id}/sessions`)).json()).total).toBe(0);
    expect((await (await api.get(`/api/patients/${patient.id}/reactions`)).json()).total).toBe(0);
  });
});

test.describe("who may read and write reports", () => {
  test("a patient cannot read or write another patient's sessions or reactions", async ({ apiAs }) => {
    const priyaId = await findPatientId(await apiAs(DEMO.rivera), "Priya Patel");
    const jordan = await apiAs(DEMO.lee);
    const me = await (await jordan.get("/api/me")).json();
    for (const kind of ["sessions", "reactions"]) {
      expect((await jordan.get(`/api/patients/${priyaId}/${kind}`)).status(), kind).toBe(404);
      expect((await jordan.post(`/api/patients/${priyaId}/${kind}`, { data: session() })).status(), kind).toBe(404);
      expect((await jordan.get(`/api/patients/${me.patientId}/${kind}`)).status(), kind).toBe(200);
    }
    expect((await jordan.get("/api/alerts")).status()).toBe(403);
    expect((await jordan.get("/api/review-queue")).status()).toBe(403);
  });

  test("another clinic's clinician cannot see or act on the alerts", async ({ apiAs }) => {
    const northside = await apiAs(DEMO.rivera);
    const alertId = (await (await northside.get("/api/alerts")).json()).items[0].id;
    const chen = await apiAs(DEMO.chen);
    const theirs = (await (await chen.get("/api/alerts")).json()).items;
    expect(theirs.some((a: { id: string }) => a.id === alertId)).toBe(false);
    expect((await chen.post(`/api/alerts/${alertId}/acknowledge`)).status()).toBe(404);
    expect((await chen.post(`/api/alerts/${alertId}/resolve`, { data: { note: "x" } })).status()).toBe(404);
    const jordanId = await findPatientId(northside, "Jordan Lee");
    expect((await chen.get(`/api/patients/${jordanId}/sessions`)).status()).toBe(404);
  });
});

test("the clinician inbox and review queue", async ({ page, apiAs }) => {
  const api = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(api, "Inbox Patient");
  await api.post(`/api/patients/${patient.id}/sessions`, { data: session({ area: "hands" }) });
  await signInViaForm(page, DEMO.rivera);

  await page.getByRole("link", { name: /^Alerts/ }).click();
  const items = page.getByRole("listitem");
  await expect(items.first()).toContainText("High");
  const mine = items.filter({ hasText: patient.name });
  await mine.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: patient.name })).toHaveCount(0);
  await page.goto(`/alerts?status=acknowledged&patientId=${patient.id}`);
  const acknowledged = page.getByRole("listitem").filter({ hasText: patient.name });
  await expect(acknowledged).toContainText("Acknowledged by Dr. Sofia Rivera");
  await acknowledged.getByRole("button", { name: "Resolve…" }).click();
  await acknowledged.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(acknowledged.getByText("Write a resolution note.")).toBeVisible();
  await acknowledged.getByLabel(/Resolution note/).fill("Discussed by phone; hands are not in the plan.");
  await acknowledged.getByRole("button", { name: "Resolve", exact: true }).click();
  await page.goto(`/alerts?status=resolved&patientId=${patient.id}`);
  await expect(page.getByRole("listitem").filter({ hasText: patient.name })).toContainText("Discussed by phone");

  await page.getByRole("link", { name: /^To review/ }).click();
  const report = page.getByRole("listitem").filter({ hasText: patient.name });
  await expect(report).toContainText("Area not approved");
  await report.getByRole("button", { name: `Mark ${patient.name}'s session reviewed` }).click();
  await expect(page.getByRole("listitem").filter({ hasText: patient.name })).toHaveCount(0);
});

test("staff record a phone call with the same forms: a longer needle is declared, and the confirmations say only what was recorded", async ({ page, apiAs }) => {
  const api = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(api, "Phone Call Forms");
  await signInViaForm(page, DEMO.rivera);
  await page.goto(`/patients/${patient.id}`);
  // The clinic's plan summary carries the standing guidance the patient is shown, and says how long the plan is valid.
  await expect(page.getByText(/valid through \d{1,2} \w{3} \d{4}/).first()).toBeVisible();
  await expect(page.getByText("Standing guidance shown to the patient with every approved plan").first()).toBeVisible();

  await page.getByText("Record a session", { exact: true }).click();
  await page.getByLabel("Area").selectOption("face");
  await expect(page.getByLabel("Needle length").locator("option", { hasText: "1.5 mm" })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "The patient used a longer needle than the plan allows" }).check();
  await page.getByLabel("Needle length").selectOption("0.75");
  await page.getByRole("radio", { name: "Roller" }).check();
  await page.getByRole("group", { name: /sanitize/ }).getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("group", { name: /patch test/ }).getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Log session" }).click();
  await page.getByRole("button", { name: "Log it anyway" }).click();
  await expect(page.getByText("Session logged: Face, 0.75 mm.")).toBeVisible();
  await expect(page.getByText(/^Recorded as outside the plan: /)).toBeVisible();

  await page.getByText("Record a reaction", { exact: true }).click();
  await page.getByLabel("Where is it?").selectOption("face");
  await page.getByRole("group", { name: "Redness" }).getByRole("radio", { name: /Mild/ }).check();
  await page.getByRole("button", { name: "Report reaction" }).click();
  await expect(page.getByText(/^Reaction recorded in the patient’s record\. It raised (a \w+ alert in the inbox|no alert)\.$/)).toBeVisible();
  await expect(page.getByText(/has been (alerted|told)/)).toHaveCount(0);
  const sessions = (await (await api.get(`/api/patients/${patient.id}/sessions`)).json()).items;
  expect(sessions[0]).toMatchObject({ area: "face", needleMm: 0.75, flags: expect.arrayContaining(["needle_exceeds_plan"]) });
});
