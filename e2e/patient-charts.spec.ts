import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import type { ChartRange, PatientCharts } from "@/lib/charts/types";
import { formatMm } from "@/lib/domain/clinical";
import { DEMO } from "./accounts";
import { createPatientWithPlan, createTestPatient, expect, findPatientId, sessionReport, signInViaForm, test } from "./fixtures";

async function getCharts(api: APIRequestContext, patientId: string, range: ChartRange): Promise<PatientCharts> {
  const response = await api.get(`/api/patients/${patientId}/charts?range=${range}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as PatientCharts;
}

/** The patient's sessions performed in [from, to], read through the paged session list. */
async function countSessionsBetween(api: APIRequestContext, patientId: string, from: string, to: string): Promise<number> {
  let count = 0;
  for (let page = 1; ; page += 1) {
    const { items, total } = (await (await api.get(`/api/patients/${patientId}/sessions?pageSize=100&page=${page}`)).json()) as {
      items: { performedAt: string }[];
      total: number;
    };
    count += items.filter((s) => Date.parse(s.performedAt) >= Date.parse(from) && Date.parse(s.performedAt) <= Date.parse(to)).length;
    if (items.length === 0 || page * 100 >= total) return count;
  }
}

/**
 * Charts draw after hydration, once recharts has loaded in the browser: a second on an idle machine,
 * several while the whole suite runs in parallel.
 */
const CHARTS_DRAWN_MS = 20_000;

function chartsResponse(page: Page, patientId: string, range: ChartRange) {
  return page.waitForResponse((r) => r.url().includes(`/api/patients/${patientId}/charts?range=${range}`) && r.request().method() === "GET");
}

function panels(page: Page) {
  const course = page.getByRole("region", { name: "Course of treatment" });
  return {
    course,
    timeline: course.getByRole("region", { name: "Reactions and sessions" }),
    needle: course.getByRole("region", { name: "Needle length against the approved maximum" }),
  };
}

/** What the chart draws matches the payload: a marker per session (off-plan ones apart), a step per limit period. */
async function expectChartMatches(timeline: Locator, needle: Locator, charts: PatientCharts) {
  const offPlan = charts.sessions.filter((s) => s.flags.length > 0).length;
  await expect(timeline.getByTestId("session-marker")).toHaveCount(charts.sessions.length, { timeout: CHARTS_DRAWN_MS });
  await expect(timeline.locator('[data-testid="session-marker"][data-off-plan="true"]')).toHaveCount(offPlan);
  await expect(needle.getByTestId("needle-marker")).toHaveCount(charts.sessions.length);
  await expect(needle.getByTestId("limit-step")).toHaveCount(charts.limits.length);
}

async function openJordan(page: Page, api: APIRequestContext) {
  const jordanId = await findPatientId(api, "Jordan Lee");
  await signInViaForm(page, DEMO.rivera);
  await page.goto(`/patients/${jordanId}`);
  return jordanId;
}

test.describe("the course of treatment on the patient page", () => {
  test.describe.configure({ timeout: 60_000 });

  test("Jordan Lee's charts show a marker per session and a step per plan period, and the table lists the same values", async ({ page, apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const jordanId = await openJordan(page, api);
    const { timeline, needle } = panels(page);

    // Other tests may log a report for her meanwhile: compare a page and an API read taken together.
    let charts: PatientCharts | undefined;
    await expect(async () => {
      await page.reload();
      charts = await getCharts(api, jordanId, "90d");
      expect(charts.sessions.length).toBeGreaterThan(0);
      expect(charts.sessions.length).toBe(await countSessionsBetween(api, jordanId, charts.from!, charts.to));
      await expectChartMatches(timeline, needle, charts);
    }).toPass({ timeout: 50_000 });

    await needle.getByRole("button", { name: "Show as table" }).click();
    const sessionRows = needle.getByRole("table", { name: "Needle length per session against the approved maximum" }).locator("tbody tr");
    await expect(sessionRows).toHaveCount(charts!.sessions.length);
    for (const [i, s] of charts!.sessions.entries()) {
      await expect(sessionRows.nth(i).locator("td").nth(2)).toHaveText(`${formatMm(s.needleMm)} mm`);
    }
    const limitRows = needle.getByRole("table", { name: "Approved maximum by plan period" }).locator("tbody tr");
    await expect(limitRows).toHaveCount(charts!.limits.length);
    for (const [i, l] of charts!.limits.entries()) {
      await expect(limitRows.nth(i).locator("td").last()).toHaveText(l.maxNeedleMm === 0 ? "None approved" : `${formatMm(l.maxNeedleMm)} mm`);
    }
    await expect(needle.getByTestId("needle-marker")).toHaveCount(0);

    await timeline.getByRole("button", { name: "Show as table" }).click();
    await expect(timeline.getByRole("table").locator("tbody tr")).toHaveCount(charts!.sessions.length + charts!.reactions.length);
  });

  test("changing the range refetches and redraws for that range", async ({ page, apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const jordanId = await openJordan(page, api);
    const { course, timeline, needle } = panels(page);
    await expect(timeline.getByTestId("session-marker").first()).toBeVisible({ timeout: CHARTS_DRAWN_MS });

    // Keyboard first: the range selector is a radio group, arrow keys move the choice.
    const ninety = course.getByRole("radio", { name: "90 days" });
    await expect(ninety).toBeChecked();
    const thirty = chartsResponse(page, jordanId, "30d");
    await ninety.focus();
    await page.keyboard.press("ArrowLeft");
    const month = (await (await thirty).json()) as PatientCharts;
    await expect(course.getByRole("radio", { name: "30 days" })).toBeChecked();
    await expectChartMatches(timeline, needle, month);
    await expect(timeline.getByText(/in the last 30 days/)).toBeVisible();

    const year = chartsResponse(page, jordanId, "365d");
    await course.getByText("1 year", { exact: true }).click();
    const yearData = (await (await year).json()) as PatientCharts;
    expect(yearData.sessions.length).toBeGreaterThanOrEqual(month.sessions.length);
    await expectChartMatches(timeline, needle, yearData);
  });

  test("keyboard focus on a chart shows exact values", async ({ page, apiAs }) => {
    await openJordan(page, await apiAs(DEMO.rivera));
    const { timeline } = panels(page);
    await expect(timeline.getByTestId("session-marker").first()).toBeVisible({ timeout: CHARTS_DRAWN_MS });
    await timeline.locator("svg.recharts-surface").first().focus();
    await page.keyboard.press("ArrowRight");
    await expect(timeline.locator(".recharts-tooltip-wrapper")).toContainText(/Session · Face · \d\.\d+ mm|Reaction ·/);
  });

  test("a paused patient's charts allow no length from the pause on, shade it and list it, with the session logged meanwhile flagged", async ({ page, apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createPatientWithPlan(api, "Charts Paused");
    const first = await api.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport() });
    expect(first.status(), await first.text()).toBe(201);
    // Infection is a warning sign: the report pauses home microneedling in every area.
    const report = await api.post(`/api/patients/${patient.id}/reactions`, {
      data: { area: "face", reportedAt: new Date().toISOString(), symptoms: [{ symptom: "infection", grade: 2 }] },
    });
    expect(report.status(), await report.text()).toBe(201);
    const meanwhile = await api.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport({ area: "neck", needleMm: 0.25 }) });
    expect(meanwhile.status(), await meanwhile.text()).toBe(201);
    expect(((await meanwhile.json()) as { flags: string[] }).flags).toContain("while_paused");

    const charts = await getCharts(api, patient.id, "90d");
    expect(charts.pauses).toEqual([{ since: expect.any(String), until: null, reason: "warning_sign" }]);
    const since = charts.pauses[0]!.since;
    // Both areas: the plan's length up to the pause, none from it to now.
    expect(charts.limits.filter((l) => l.maxNeedleMm > 0).map((l) => [l.area, l.to])).toEqual([
      ["face", since],
      ["neck", since],
    ]);
    expect(charts.limits.filter((l) => l.to === null).map((l) => [l.area, l.from, l.maxNeedleMm])).toEqual([
      ["face", since, 0],
      ["neck", since, 0],
    ]);

    await signInViaForm(page, DEMO.rivera);
    await page.goto(`/patients/${patient.id}`);
    const { timeline, needle } = panels(page);
    await expectChartMatches(timeline, needle, charts);
    await expect(needle.getByTestId("pause-band")).toHaveCount(1);
    await expect(needle.getByTestId("pause-notes")).toContainText(/Paused: warning sign, since .* \(still paused\): no length allowed in any area\./);
    await expect(needle).toContainText("still in force: no length allowed");

    await needle.getByRole("button", { name: "Show as table" }).click();
    const pauseRows = needle.getByRole("table", { name: "Paused periods" }).locator("tbody tr");
    await expect(pauseRows).toHaveCount(1);
    await expect(pauseRows.first().locator("td").first()).toHaveText("Paused: warning sign");
    await expect(pauseRows.first().locator("td").nth(2)).toHaveText("Still paused");
    await expect(pauseRows.first().locator("td").last()).toHaveText("None approved");
    const sessionRows = needle.getByRole("table", { name: "Needle length per session against the approved maximum" }).locator("tbody tr");
    await expect(sessionRows).toHaveCount(2);
    await expect(sessionRows.nth(0).locator("td").nth(3)).toHaveText(`${formatMm(0.5)} mm`);
    await expect(sessionRows.nth(1).locator("td").nth(3)).toHaveText("None approved (paused: warning sign)");
    await expect(sessionRows.nth(1).locator("td").last()).toContainText("Logged while paused");
    const limitRows = needle.getByRole("table", { name: "Approved maximum by plan period" }).locator("tbody tr");
    for (const [i, l] of charts.limits.entries()) {
      await expect(limitRows.nth(i).locator("td").last()).toHaveText(l.maxNeedleMm === 0 ? "None approved" : `${formatMm(l.maxNeedleMm)} mm`);
    }
  });

  test("a range with nothing in it says so plainly", async ({ page, apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Charts Empty");
    await signInViaForm(page, DEMO.rivera);
    await page.goto(`/patients/${patient.id}`);
    const { course } = panels(page);
    await expect(course.getByText("No sessions or reactions in the last 90 days.")).toBeVisible();
    const thirty = chartsResponse(page, patient.id, "30d");
    await course.getByText("30 days", { exact: true }).click();
    await thirty;
    await expect(course.getByText("No sessions or reactions in the last 30 days.")).toBeVisible();
    await course.getByText("All", { exact: true }).click();
    await expect(course.getByText("No sessions or reactions have been recorded yet.")).toBeVisible();
  });

  test("the charts fit a phone-width screen", async ({ page, apiAs }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openJordan(page, await apiAs(DEMO.rivera));
    const { course, timeline } = panels(page);
    await expect(timeline.getByTestId("session-marker").first()).toBeVisible({ timeout: CHARTS_DRAWN_MS });
    // The section and every chart in it stay inside the screen (the page header is judged elsewhere).
    expect(await course.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    const widths = await course.locator("svg.recharts-surface").evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().right));
    expect(widths).toHaveLength(4);
    for (const right of widths) expect(right).toBeLessThanOrEqual(390);
  });

  test("the patient page with charts and a table view has no serious accessibility violations", async ({ page, apiAs }) => {
    await openJordan(page, await apiAs(DEMO.rivera));
    const { timeline, needle } = panels(page);
    await expect(timeline.getByTestId("session-marker").first()).toBeVisible({ timeout: CHARTS_DRAWN_MS });
    await expect(needle.getByTestId("limit-step").first()).toBeVisible();
    await needle.getByRole("button", { name: "Show as table" }).click();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
});
