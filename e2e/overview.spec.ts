import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { PLAN_STATUS_LABELS, PLAN_STATUS_ORDER, percent, pivotReactions, weekLabel } from "@/lib/charts/overview-shape";
import type { ClinicOverview } from "@/lib/charts/types";
import { gradeLabel } from "@/lib/domain/reactions";
import { DEMO } from "./accounts";
import { expect, signInViaForm, test } from "./fixtures";

async function overview(api: APIRequestContext): Promise<ClinicOverview> {
  const response = await api.get("/api/clinic/overview");
  expect(response.status()).toBe(200);
  return (await response.json()) as ClinicOverview;
}

async function rosterTotal(api: APIRequestContext, status?: string): Promise<number> {
  const response = await api.get(`/api/patients?pageSize=1${status ? `&status=${status}` : ""}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

const widget = (page: Page, title: string) => page.getByRole("region", { name: title });

/** Opens a widget's "Show as table" and reads its body rows as text. */
async function tableOf(region: Locator): Promise<string[][]> {
  const details = region.locator("details");
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await region.getByText("Show as table").click();
  return region.locator("tbody tr").evaluateAll((rows) => rows.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? "")));
}

test.describe("the clinic overview", () => {
  test("staff land on it after signing in, with Overview first in the navigation", async ({ page }) => {
    await signInViaForm(page, DEMO.okafor);
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link").first()).toHaveText("Overview");
    await expect(page.getByRole("link", { name: "Dermaplan" })).toHaveAttribute("href", "/overview");
  });

  test("plans by status count every patient once, matching the roster per status", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    // Other tests add patients to the clinic while this runs: compare snapshots taken together.
    await expect(async () => {
      const { plansByStatus } = await overview(api);
      const perStatus = Object.fromEntries(await Promise.all(PLAN_STATUS_ORDER.map(async (s) => [s, await rosterTotal(api, s)] as const)));
      const total = await rosterTotal(api);
      expect(plansByStatus).toEqual(perStatus);
      expect(Object.values(plansByStatus).reduce((sum, n) => sum + n, 0)).toBe(total);
    }).toPass({ timeout: 20_000 });
  });

  test("patients get 403 from the overview API and are sent back to their portal from the page", async ({ page, apiAs, request }) => {
    expect((await request.get("/api/clinic/overview")).status()).toBe(401);
    expect((await (await apiAs(DEMO.lee)).get("/api/clinic/overview")).status()).toBe(403);
    await signInViaForm(page, DEMO.lee);
    await page.goto("/overview");
    await expect(page).toHaveURL(/\/portal$/);
  });

  test("clicking a patient who needs attention opens their page", async ({ page }) => {
    await signInViaForm(page, DEMO.rivera);
    const list = widget(page, "Needs attention").getByTestId("attention-list");
    const first = list.getByRole("link").first();
    const name = (await first.textContent())!.trim();
    const href = (await first.getAttribute("href"))!;
    expect(href).toMatch(/^\/patients\/[0-9a-f-]{36}$/);
    await first.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  });

  test("each widget's table shows the same numbers as the API", async ({ page }) => {
    await signInViaForm(page, DEMO.rivera);
    await expect(async () => {
      await page.reload();
      const data = await overview(page.request);
      const total = Object.values(data.plansByStatus).reduce((sum, n) => sum + n, 0);
      expect(await tableOf(widget(page, "Plans by status"))).toEqual([
        ...PLAN_STATUS_ORDER.map((s) => [PLAN_STATUS_LABELS[s], String(data.plansByStatus[s])]),
        ["All patients", String(total)],
      ]);
      expect(await tableOf(widget(page, "Alerts raised and resolved"))).toEqual(data.alertsPerWeek.map((w) => [weekLabel(w.week), String(w.raised), String(w.resolved)]));
      expect(await tableOf(widget(page, "Sessions flagged off-plan"))).toEqual(data.offPlanShare.map((w) => [weekLabel(w.week), percent(w.share)]));
      const { symptoms, grades } = pivotReactions(data.reactionsBySymptom);
      const reactions = widget(page, "Reactions by symptom and grade");
      expect(await tableOf(reactions)).toEqual(symptoms.map((s) => [s.label, ...grades.map((g) => String(s.grades[g] ?? 0)), String(s.total)]));
      await expect(reactions.getByRole("columnheader")).toHaveText(["Symptom", ...grades.map(gradeLabel), "Total"]);
      const names = await widget(page, "Needs attention").getByTestId("attention-list").getByRole("link").allTextContents();
      expect(names).toEqual([...new Set(data.needsAttention.map((p) => p.name))]);
    }).toPass({ timeout: 25_000 });
  });

  test("has no serious accessibility violations, charts and tables included", async ({ page }) => {
    await signInViaForm(page, DEMO.rivera);
    await expect(page.locator(".recharts-wrapper > svg")).toHaveCount(4);
    for (const title of ["Plans by status", "Alerts raised and resolved", "Sessions flagged off-plan", "Reactions by symptom and grade"]) {
      await tableOf(widget(page, title));
    }
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });

  test("fits a phone-width screen without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInViaForm(page, DEMO.rivera);
    await expect(page.locator(".recharts-wrapper > svg")).toHaveCount(4);
    const main = page.getByRole("main");
    expect(await main.evaluate((m) => m.scrollWidth <= m.clientWidth)).toBe(true);
  });
});
