import type { PatientCharts } from "@/lib/charts/types";
import { DEMO } from "./accounts";
import { activatePortalAccount, createPatientWithPlan, expect, findPatientId, sessionReport, signInViaForm, test } from "./fixtures";

test("Jordan Lee sees her own chart on a phone, with a marker for each of her sessions in the last 90 days", async ({ page }) => {
  await signInViaForm(page, DEMO.lee);
  const me = (await (await page.request.get("/api/me")).json()) as { patientId: string };
  await page.goto("/portal/history");

  const chart = page.getByRole("region", { name: "Your skin over the last 90 days" });
  await expect(chart).toBeVisible();
  await expect(chart.getByTestId("recovery-summary")).toHaveText(/(settled|settling|reported|logged).*\.$/);
  await expect(chart.locator(".recharts-wrapper > svg")).toBeVisible();

  // Other tests may log a session for her meanwhile: compare a page and an API read taken together.
  await expect(async () => {
    await page.reload();
    const charts = (await (await page.request.get(`/api/patients/${me.patientId}/charts?range=90d`)).json()) as PatientCharts;
    expect(charts.sessions.length).toBeGreaterThan(0);
    await expect(chart.locator("[data-session-marker]")).toHaveCount(charts.sessions.length, { timeout: 3_000 });
    await chart.getByText("Show as table").click();
    // A pause is a row of its own (other tests pause her with a warning sign).
    await expect(chart.locator("tbody tr")).toHaveCount(charts.sessions.length + charts.reactions.length + charts.pauses.length, { timeout: 3_000 });
  }).toPass({ timeout: 20_000 });

  await expect(chart.getByTestId("chart-key")).toContainText("Redness");
  // A phone-width page never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});

test("a paused patient sees the pause shaded on her chart, in its key and in its table", async ({ page, apiAs, browser }) => {
  const clinic = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(clinic, "Portal Paused");
  const account = await activatePortalAccount(browser, clinic, patient.id);
  const session = await clinic.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport() });
  expect(session.status(), await session.text()).toBe(201);
  // Infection is a warning sign: the report pauses home microneedling.
  const report = await clinic.post(`/api/patients/${patient.id}/reactions`, {
    data: { area: "face", reportedAt: new Date().toISOString(), symptoms: [{ symptom: "infection", grade: 2 }] },
  });
  expect(report.status(), await report.text()).toBe(201);

  await signInViaForm(page, account.email, account.password);
  await page.goto("/portal/history");
  const chart = page.getByRole("region", { name: "Your skin over the last 90 days" });
  await expect(chart.locator("[data-pause-band]")).toHaveCount(1, { timeout: 20_000 });
  await expect(chart.getByTestId("chart-key")).toContainText("Paused by your clinic");
  await chart.getByText("Show as table").click();
  await expect(chart.locator("tbody")).toContainText("Paused after a warning sign: still paused, do not microneedle");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});

test("a patient cannot read another patient's charts, nor ask for an unknown range", async ({ page, apiAs }) => {
  const clinic = await apiAs(DEMO.rivera);
  const priya = await findPatientId(clinic, "Priya Patel");
  await signInViaForm(page, DEMO.lee);
  const me = (await (await page.request.get("/api/me")).json()) as { patientId: string };

  expect([403, 404]).toContain((await page.request.get(`/api/patients/${priya}/charts?range=90d`)).status());
  expect((await page.request.get(`/api/patients/${me.patientId}/charts?range=90d`)).status()).toBe(200);
  expect((await page.request.get(`/api/patients/${me.patientId}/charts?range=7d`)).status()).toBe(400);
});
