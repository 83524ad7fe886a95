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
