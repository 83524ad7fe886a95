import { DEMO } from "./accounts";
import { expect, signInViaForm, test } from "./fixtures";

test.describe("the clinic roster", () => {
  test.beforeEach(async ({ page }) => {
    await signInViaForm(page, DEMO.rivera);
    await page.goto("/patients");
  });

  test("searches by name and opens the patient's demographics", async ({ page }) => {
    await page.getByLabel("Search by name or MRN").fill("priya");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=priya/);
    const rows = page.getByRole("row");
    await expect(rows).toHaveCount(2); // header + one patient
    await page.getByRole("link", { name: "Priya Patel" }).click();
    await expect(page.getByRole("heading", { name: "Priya Patel", level: 1 })).toBeVisible();
    const main = page.getByRole("main");
    await expect(main.getByText("NS-100002")).toBeVisible();
    await expect(main.getByText("Dr. Sofia Rivera", { exact: true })).toBeVisible();
    await expect(main.getByText("Type IV")).toBeVisible();
    await expect(main.getByText(/post-inflammatory hyperpigmentation/)).toBeVisible();
  });

  test("searches by MRN", async ({ page }) => {
    await page.getByLabel("Search by name or MRN").fill("NS-100001");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("link", { name: "Jordan Lee" })).toBeVisible();
    await expect(page.getByRole("row")).toHaveCount(2);
  });

  test("shows an empty state when nothing matches", async ({ page }) => {
    await page.getByLabel("Search by name or MRN").fill("zz-no-such-patient");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("No patients match “zz-no-such-patient”.")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  });

  test("pages through the roster on the server", async ({ page }) => {
    // The seeded MRNs only: other tests add patients to the clinic while this one runs.
    await page.getByLabel("Search by name or MRN").fill("NS-1000");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=NS-1000/);
    const pager = page.getByRole("navigation", { name: "Pagination" });
    await expect(pager).toContainText("Page 1 of 2 · 26 patients");
    await expect(page.getByRole("row")).toHaveCount(21);
    const firstPageNames = await page.getByRole("row").allTextContents();

    await pager.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/q=NS-1000&page=2/);
    await expect(pager).toContainText("Page 2 of 2");
    await expect(page.getByRole("row")).toHaveCount(7);
    const secondPageNames = await page.getByRole("row").allTextContents();
    expect(secondPageNames.slice(1).some((row) => firstPageNames.includes(row))).toBe(false);
    await expect(pager.getByRole("link", { name: "Next" })).toHaveCount(0);

    await pager.getByRole("link", { name: "Previous" }).click();
    await expect(pager).toContainText("Page 1 of 2");
  });
});

test.describe("the roster API", () => {
  test("paginates with totals and matches name or MRN", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const first = await (await api.get("/api/patients?q=NS-1000&page=1&pageSize=10")).json();
    expect(first).toMatchObject({ total: 26, page: 1, pageSize: 10 });
    expect(first.items).toHaveLength(10);
    const item = first.items[0];
    expect(Object.keys(item).sort()).toEqual(
      ["dateOfBirth", "id", "maxNeedleMm", "mrn", "name", "needsReview", "paused", "planStatus", "responsibleClinician", "reviewBy", "skinType"],
    );
    expect(item).toMatchObject({
      id: expect.any(String),
      name: expect.any(String),
      mrn: expect.stringMatching(/^NS-1000/),
      dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      skinType: expect.any(Number),
      responsibleClinician: { id: expect.any(String), name: expect.any(String) },
      planStatus: expect.stringMatching(/^(pending|approved|denied|suspended|expired)$/),
    });
    const jordan = (await (await api.get("/api/patients?q=NS-100001")).json()).items[0];
    expect(jordan).toMatchObject({ name: "Jordan Lee", planStatus: "approved", maxNeedleMm: 0.5, reviewBy: expect.stringMatching(/^\d{4}-/), needsReview: false });
    const third = await (await api.get("/api/patients?q=NS-1000&page=3&pageSize=10")).json();
    expect(third.items).toHaveLength(6);

    const byMrn = await (await api.get("/api/patients?q=NS-100002")).json();
    expect(byMrn.items.map((p: { name: string }) => p.name)).toEqual(["Priya Patel"]);
    const literal = await (await api.get(`/api/patients?q=${encodeURIComponent("%")}`)).json();
    expect(literal.total).toBe(0);
  });

  test("rejects bad paging with the field named", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    for (const query of ["pageSize=101", "pageSize=0", "page=0", "page=abc"]) {
      const response = await api.get(`/api/patients?${query}`);
      expect(response.status(), query).toBe(400);
      const body = await response.json();
      expect(body.issues[0].path).toBe(query.split("=")[0]);
    }
  });
});
