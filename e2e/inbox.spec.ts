import type { APIRequestContext } from "@playwright/test";
import { DEMO } from "./accounts";
import { createPatientWithPlan, expect, hoursAgo, sessionReport, signInViaForm, test } from "./fixtures";

/** Sessions an hour apart, all before the plan was approved: each one raises an off-plan alert. */
async function flood(api: APIRequestContext, patientId: string, sessions: number) {
  for (let i = sessions; i >= 1; i -= 1) {
    const response = await api.post(`/api/patients/${patientId}/sessions`, { data: sessionReport({ performedAt: hoursAgo(i) }) });
    expect(response.status()).toBe(201);
  }
}

test.describe("bounded lists through the API", () => {
  test("alerts and the review queue answer one page with its total", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createPatientWithPlan(api, "Paged Alerts");
    await flood(api, patient.id, 4);

    const page1 = await (await api.get(`/api/alerts?status=open&patientId=${patient.id}&page=1&pageSize=2`)).json();
    const page2 = await (await api.get(`/api/alerts?status=open&patientId=${patient.id}&page=2&pageSize=2`)).json();
    expect(page1).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page2.items).toHaveLength(2);
    expect(new Set([...page1.items, ...page2.items].map((a: { sessionId: string }) => a.sessionId)).size).toBe(4);
    expect((await (await api.get("/api/alerts")).json()).pageSize).toBe(50);

    const queue = await (await api.get("/api/review-queue?page=1&pageSize=3")).json();
    expect(queue).toMatchObject({ page: 1, pageSize: 3, total: expect.any(Number) });
    expect(queue.items).toHaveLength(3);
    expect(queue.total).toBeGreaterThanOrEqual(4);

    for (const url of ["/api/alerts?pageSize=101", "/api/alerts?page=0", "/api/review-queue?pageSize=500", "/api/alerts/groups?pageSize=abc"]) {
      const bad = await api.get(url);
      expect(bad.status(), url).toBe(400);
      expect((await bad.json()).issues[0].path).toMatch(/^page/);
    }
  });

  test("only the clinic's staff read or act on alert groups", async ({ apiAs }) => {
    const rivera = await apiAs(DEMO.rivera);
    const patient = await createPatientWithPlan(rivera, "Group Scope");
    await flood(rivera, patient.id, 2);
    const action = { patientId: patient.id, kind: "off_plan_session", upTo: new Date().toISOString(), action: "acknowledge" };

    const jordan = await apiAs(DEMO.lee);
    expect((await jordan.get("/api/alerts/groups")).status()).toBe(403);
    expect((await jordan.post("/api/alerts/groups", { data: action })).status()).toBe(403);
    const chen = await apiAs(DEMO.chen);
    expect((await chen.post("/api/alerts/groups", { data: action })).status()).toBe(404);
    expect((await chen.get(`/api/alerts?patientId=${patient.id}`)).status()).toBe(404);
    expect((await rivera.post("/api/alerts/groups", { data: { ...action, action: "resolve" } })).status()).toBe(400);
  });
});

test("a flood of alerts reads as one group and is acknowledged in one action", async ({ page, apiAs }) => {
  const api = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(api, "Flooded Inbox");
  await flood(api, patient.id, 5);

  await signInViaForm(page, DEMO.rivera);
  await page.goto("/alerts");
  const group = page.getByRole("listitem").filter({ hasText: patient.name });
  await expect(group).toHaveCount(1);
  await expect(group).toContainText("Off-plan session");
  await expect(group).toContainText(/5 alerts since/);

  await group.getByRole("link", { name: "See each of the 5 alerts" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Off-plan session" })).toHaveCount(5);
  await page.goBack();

  await page.getByRole("listitem").filter({ hasText: patient.name }).getByRole("button", { name: "Acknowledge all 5" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: patient.name })).toHaveCount(0);
  const acknowledged = await (await api.get(`/api/alerts?status=acknowledged&patientId=${patient.id}`)).json();
  expect(acknowledged.total).toBe(5);
  const audit = await (await (await apiAs(DEMO.admin)).get(`/api/audit?patientId=${patient.id}&action=alert.group_acknowledge`)).json();
  expect(audit.items).toHaveLength(1);
});

test.describe("high alerts need a clinician", () => {
  test("an admin cannot acknowledge a high alert but can add a note, and the alert stays open and counted", async ({ page, apiAs }) => {
    const rivera = await apiAs(DEMO.rivera);
    const patient = await createPatientWithPlan(rivera, "High For Admin");
    expect((await rivera.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport({ needleMm: 1.5 }) })).status()).toBe(201);
    const [alert] = (await (await rivera.get(`/api/alerts?status=open&patientId=${patient.id}`)).json()).items;
    expect(alert).toMatchObject({ severity: "high", notes: [] });

    const admin = await apiAs(DEMO.admin);
    // The badge's count is asserted in lib/data/inbox.test.ts: here other specs raise Northside alerts meanwhile.
    const stillOpen = async () => (await (await admin.get(`/api/alerts?status=open&patientId=${patient.id}`)).json()).items.map((a: { id: string }) => a.id);
    const refused = await admin.post(`/api/alerts/${alert.id}/acknowledge`);
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error).toMatch(/Add a note/);
    const groupAction = { patientId: patient.id, kind: "off_plan_session", upTo: new Date().toISOString(), action: "acknowledge" };
    expect((await admin.post("/api/alerts/groups", { data: groupAction })).status()).toBe(403);
    expect(await stillOpen()).toContain(alert.id);

    await signInViaForm(page, DEMO.admin);
    await page.goto("/alerts");
    const row = page.getByTestId("alert-group").filter({ hasText: patient.name });
    await expect(row).toContainText("Only a clinician acknowledges or resolves high-severity alerts");
    await expect(row.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
    await row.getByRole("button", { name: "Add a note…" }).click();
    await row.getByLabel(/^Note/).fill("Phoned the patient: told to stop using the 1.5 mm device until Dr. Rivera calls back.");
    await row.getByRole("button", { name: "Add note" }).click();
    await expect(row.getByRole("list", { name: "Notes on this alert" })).toContainText("Phoned the patient: told to stop using the 1.5 mm device");
    await expect(row.getByRole("list", { name: "Notes on this alert" })).toContainText("(admin)");

    const [annotated] = (await (await rivera.get(`/api/alerts?status=open&patientId=${patient.id}`)).json()).items;
    expect(annotated).toMatchObject({ id: alert.id, status: "open", notes: [{ kind: "note", authorRole: "admin" }] });
    expect((await rivera.post(`/api/alerts/${alert.id}/acknowledge`)).status()).toBe(200);
    expect(await stillOpen()).not.toContain(alert.id);
  });

  test("a group row leads with its high item's text, and an admin acknowledges only the normal ones", async ({ page, apiAs }) => {
    const rivera = await apiAs(DEMO.rivera);
    const patient = await createPatientWithPlan(rivera, "Severe First");
    expect((await rivera.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport({ needleMm: 1.5 }) })).status()).toBe(201);
    // A newer, milder alert of the same kind (another area, so no spacing flag).
    expect((await rivera.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport({ area: "neck", needleMm: 0.25, sanitized: false }) })).status()).toBe(201);

    await signInViaForm(page, DEMO.admin);
    await page.goto("/alerts");
    const row = page.getByTestId("alert-group").filter({ hasText: patient.name });
    await expect(row).toContainText("2 alerts since");
    const text = await row.innerText();
    expect(text).toMatch(/Most severe, .*Needle above the 1\.0 mm home maximum/i);
    expect(text.search(/home maximum/i)).toBeLessThan(text.search(/not sanitized/i));

    await row.getByRole("button", { name: "Acknowledge the 1 normal" }).click();
    await expect(row).toContainText("1 high-severity alert left open for a clinician");
    const open = (await (await rivera.get(`/api/alerts?status=open&patientId=${patient.id}`)).json()).items;
    expect(open.map((a: { severity: string }) => a.severity)).toEqual(["high"]);
  });
});
