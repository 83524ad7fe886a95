import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { DEMO } from "./accounts";
import { expect, signInViaForm, test } from "./fixtures";

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("the login page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the login page with an error has no serious accessibility violations", async ({ page }) => {
  await signInViaForm(page, DEMO.rivera, "wrong-password");
  await expect(page.getByText(/incorrect/)).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the roster has no serious accessibility violations", async ({ page }) => {
  await signInViaForm(page, DEMO.rivera);
  await page.goto("/patients");
  await expect(page.getByRole("table")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the patient page has no serious accessibility violations", async ({ page }) => {
  await signInViaForm(page, DEMO.rivera);
  await page.goto("/patients");
  // Search rather than page 1: other tests add patients to the clinic while this one runs.
  await page.getByLabel("Search by name or MRN").fill("Jordan Lee");
  await page.getByRole("button", { name: "Search" }).click();
  // The roster re-renders for the search; clicking before it settles can hit the old page.
  await page.waitForURL(/[?&]q=Jordan/);
  await page.getByRole("link", { name: "Jordan Lee" }).click();
  await expect(page.getByRole("heading", { name: "Jordan Lee", level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the clinic overview has no serious accessibility violations", async ({ page }) => {
  await signInViaForm(page, DEMO.admin);
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.locator(".recharts-wrapper > svg")).toHaveCount(4);
  await expectNoSeriousViolations(page);
});

test("the portal history with its chart has no serious accessibility violations", async ({ page }) => {
  await signInViaForm(page, DEMO.lee);
  await page.goto("/portal/history");
  await expect(page.locator("[data-session-marker]").first()).toBeAttached();
  await expectNoSeriousViolations(page);
});

test("the portal page has no serious accessibility violations", async ({ page }) => {
  await signInViaForm(page, DEMO.lee);
  await expect(page.getByText("Face: up to 0.5 mm")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the portal page without a plan has no serious accessibility violations", async ({ page }) => {
  await signInViaForm(page, DEMO.patel);
  await expect(page.getByText("No plan is recorded yet.")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the clinic settings page has no serious accessibility violations, editable or read-only", async ({ page }) => {
  await signInViaForm(page, DEMO.okafor);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("button", { name: "Save settings" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.context().clearCookies();
  await signInViaForm(page, DEMO.admin);
  await page.goto("/settings");
  await expect(page.getByText("Clinical safety settings are changed by a clinician.", { exact: false })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the alerts page for an admin has no serious accessibility violations", async ({ page }) => {
  await signInViaForm(page, DEMO.admin);
  await page.getByRole("link", { name: /^Alerts/ }).click();
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
});
