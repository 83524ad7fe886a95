import { DEMO } from "./accounts";
import { expect, findPatientId, newApiContext, signInViaApi, signInViaForm, test } from "./fixtures";

test.describe("a patient sees only themself", () => {
  test("their own record is readable, another patient's is 404", async ({ page, apiAs }) => {
    const staff = await apiAs(DEMO.rivera);
    const priyaId = await findPatientId(staff, "Priya Patel");
    const jordanId = await findPatientId(staff, "Jordan Lee");

    const me = await signInViaApi(page.request, DEMO.lee);
    expect(me.patientId).toBe(jordanId);
    const own = await page.request.get(`/api/patients/${jordanId}`);
    expect(own.status()).toBe(200);
    expect((await own.json()).name).toBe("Jordan Lee");

    const other = await page.request.get(`/api/patients/${priyaId}`);
    expect(other.status()).toBe(404);
    expect(await other.json()).toEqual({ error: "Patient not found." });
  });

  test("the roster API is forbidden to patients", async ({ page }) => {
    await signInViaApi(page.request, DEMO.lee);
    const response = await page.request.get("/api/patients");
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });

  test("clinic pages send a patient back to their portal, never showing another patient", async ({ page, apiAs }) => {
    const priyaId = await findPatientId(await apiAs(DEMO.rivera), "Priya Patel");
    await signInViaForm(page, DEMO.lee);
    await expect(page).toHaveURL(/\/portal$/);
    await page.goto(`/patients/${priyaId}`);
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByText("Priya Patel")).toHaveCount(0);
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/portal$/);
  });
});

test.describe("staff see only their own clinic", () => {
  test("another clinic's patient is 404 in the API and on the page", async ({ page, apiAs }) => {
    const jordanId = await findPatientId(await apiAs(DEMO.rivera), "Jordan Lee");
    await signInViaForm(page, DEMO.chen);
    await expect(page).toHaveURL(/\/overview$/);

    expect((await page.request.get(`/api/patients/${jordanId}`)).status()).toBe(404);
    await page.goto(`/patients/${jordanId}`);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Jordan Lee")).toHaveCount(0);
  });

  test("the roster lists only the clinic's own patients", async ({ apiAs }) => {
    const southBay = await apiAs(DEMO.chen);
    const all = await (await southBay.get("/api/patients?pageSize=100")).json();
    const names = all.items.map((p: { name: string }) => p.name);
    expect(names).toContain("Ana Garcia");
    expect(names).not.toContain("Jordan Lee");
    expect(names).not.toContain("Priya Patel");
    const search = await (await southBay.get("/api/patients?q=NS-1")).json();
    expect(search.total).toBe(0);
  });

  test("unknown and malformed patient ids are 404", async ({ apiAs }) => {
    const staff = await apiAs(DEMO.rivera);
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "1"]) {
      expect((await staff.get(`/api/patients/${id}`)).status(), id).toBe(404);
    }
  });
});

test("unknown API paths answer with the JSON error shape", async ({ request }) => {
  const response = await request.get("/api/does-not-exist");
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ error: expect.any(String) });
});

test.describe("account and sign-in security routes", () => {
  const routes = [
    { method: "post", path: "/api/me/mfa" },
    { method: "post", path: "/api/me/mfa/confirm", data: { code: "123456" } },
    { method: "delete", path: "/api/me/mfa", data: { code: "123456" } },
    { method: "post", path: "/api/me/password", data: { currentPassword: "x", newPassword: "a long new passphrase", confirm: "a long new passphrase" } },
  ] as const;

  test("answer 401 signed out and 403 to a patient: two-factor and password changes are for staff", async ({ baseURL, apiAs }) => {
    const anonymous = await newApiContext(baseURL);
    const patient = await apiAs(DEMO.lee);
    for (const route of routes) {
      const data = "data" in route ? route.data : undefined;
      expect((await anonymous.fetch(route.path, { method: route.method, data })).status(), `${route.method} ${route.path} signed out`).toBe(401);
      const refused = await patient.fetch(route.path, { method: route.method, data });
      expect(refused.status(), `${route.method} ${route.path} as a patient`).toBe(403);
      expect(await refused.json()).toEqual({ error: expect.any(String) });
    }
    await anonymous.dispose();
  });

  test("only an admin changes the clinic's two-factor requirement; every staff member reads it", async ({ apiAs }) => {
    const body = { data: { requireStaffMfa: true } };
    expect((await (await apiAs(DEMO.rivera)).put("/api/clinic/security", body)).status()).toBe(403);
    expect((await (await apiAs(DEMO.lee)).get("/api/clinic/security")).status()).toBe(403);
    expect(await (await (await apiAs(DEMO.chen)).get("/api/clinic/security")).json()).toEqual({ requireStaffMfa: false });
    const invalid = await (await apiAs(DEMO.admin)).put("/api/clinic/security", { data: { requireStaffMfa: "yes" } });
    expect(invalid.status()).toBe(400);
  });
});
