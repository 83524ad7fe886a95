import { DEMO } from "./accounts";
import { createTestPatient, expect, signInViaForm, test } from "./fixtures";

test.describe("managing patients", () => {
  test("a clinician creates a patient through the form, then edits them", async ({ page }) => {
    const mrn = `NEW-${Date.now().toString(36).toUpperCase()}`;
    await signInViaForm(page, DEMO.rivera);
    await page.goto("/patients");
    await page.getByRole("link", { name: "New patient" }).click();
    await page.getByRole("button", { name: "Create patient" }).click();
    await expect(page.getByText("Name is required.")).toBeVisible();

    await page.getByLabel("Full name").fill("Sam Rivers");
    await page.getByLabel("Date of birth").fill("1979-06-02");
    await page.getByLabel("MRN").fill(mrn);
    await page.getByLabel("Fitzpatrick skin type").selectOption("5");
    await page.getByLabel("Responsible clinician").selectOption({ label: "Dr. Emeka Okafor" });
    await page.getByRole("button", { name: "Create patient" }).click();

    await expect(page.getByRole("heading", { name: "Sam Rivers", level: 1 })).toBeVisible();
    const main = page.getByRole("main");
    await expect(main.getByText(mrn)).toBeVisible();
    await expect(main.getByText("Dr. Emeka Okafor")).toBeVisible();
    await expect(main.getByText("No screening recorded")).toBeVisible();

    await page.getByRole("link", { name: "Edit details" }).click();
    await page.getByLabel("Full name").fill("Samantha Rivers");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { name: "Samantha Rivers", level: 1 })).toBeVisible();
  });

  test("a conflict only the server can see is shown next to its field and tied to it for screen readers", async ({ page, apiAs }) => {
    const taken = await createTestPatient(await apiAs(DEMO.rivera), "Taken MRN");
    await signInViaForm(page, DEMO.rivera);
    await page.goto("/patients/new");
    await page.getByLabel("Full name").fill("Second Holder");
    await page.getByLabel("Date of birth").fill("1985-02-03");
    await page.getByLabel("MRN").fill(taken.mrn);
    await page.getByLabel("Fitzpatrick skin type").selectOption("2");
    await page.getByLabel("Responsible clinician").selectOption({ label: "Dr. Emeka Okafor" });
    await page.getByRole("button", { name: "Create patient" }).click();

    const mrn = page.getByLabel("MRN");
    await expect(mrn).toHaveAttribute("aria-invalid", "true");
    await expect(mrn).toHaveAccessibleDescription(new RegExp(`already has MRN ${taken.mrn}`));
    // Nothing typed is lost.
    await expect(page.getByLabel("Full name")).toHaveValue("Second Holder");
  });

  test("the API refuses a duplicate MRN with 409 and bad fields with 400", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Duplicate");
    const me = await (await api.get("/api/me")).json();
    const duplicate = await api.post("/api/patients", {
      data: { name: "Other", dateOfBirth: "1990-01-01", mrn: patient.mrn, skinType: 3, responsibleClinicianId: me.id },
    });
    expect(duplicate.status()).toBe(409);
    expect((await duplicate.json()).issues).toEqual([{ path: "mrn", message: `Another patient of this clinic already has MRN ${patient.mrn}.` }]);
    const invalid = await api.post("/api/patients", { data: { name: "", dateOfBirth: "2999-01-01", mrn: "bad mrn!", skinType: 9, responsibleClinicianId: "x" } });
    expect(invalid.status()).toBe(400);
    const paths = (await invalid.json()).issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "dateOfBirth", "mrn", "skinType", "responsibleClinicianId"]));
    const patch = await api.patch(`/api/patients/${patient.id}`, { data: { skinType: 4 } });
    expect(patch.status()).toBe(200);
    expect((await patch.json()).skinType).toBe(4);
  });

  test("another clinic's clinician cannot be made responsible", async ({ apiAs }) => {
    const chen = await (await (await apiAs(DEMO.chen)).get("/api/me")).json();
    const api = await apiAs(DEMO.rivera);
    const response = await api.post("/api/patients", {
      data: { name: "X", dateOfBirth: "1990-01-01", mrn: `X-${Date.now()}`, skinType: 3, responsibleClinicianId: chen.id },
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).issues[0].path).toBe("responsibleClinicianId");
  });

  test("a clinician invites a patient, who sets a password once and signs in", async ({ page, browser, apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    const patient = await createTestPatient(api, "Invitee");
    const email = `invitee-${Date.now()}@patient.test`;
    await signInViaForm(page, DEMO.rivera);
    await page.goto(`/patients/${patient.id}`);
    await page.getByLabel("Patient's email").fill(email);
    await page.getByRole("button", { name: "Create invitation link" }).click();
    const link = await page.getByLabel(/One-time link for/).inputValue();
    expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{40,}$/);

    const patientContext = await browser.newContext();
    const patientPage = await patientContext.newPage();
    await patientPage.goto(link);
    await expect(patientPage.getByText(`You will sign in with ${email}`)).toBeVisible();
    await patientPage.getByLabel("New password").fill("short");
    await patientPage.getByLabel("Repeat the password").fill("short");
    await patientPage.getByRole("button", { name: "Set password" }).click();
    await expect(patientPage.getByText("Password must be at least 12 characters.")).toBeVisible();
    await patientPage.getByLabel("New password").fill("a-long-enough-password");
    await patientPage.getByLabel("Repeat the password").fill("a-long-enough-password");
    await patientPage.getByRole("button", { name: "Set password" }).click();
    await expect(patientPage.getByText("Your password is set.")).toBeVisible();
    await signInViaForm(patientPage, email, "a-long-enough-password");
    await expect(patientPage.getByRole("heading", { name: `Hello, ${patient.name}` })).toBeVisible();

    await patientPage.goto(link);
    await expect(patientPage.getByText("This link has expired or was already used.")).toBeVisible();
    await patientContext.close();
  });
});

test.describe("the roster shows plan status", () => {
  test("filters by status and sorts by review date", async ({ page }) => {
    await signInViaForm(page, DEMO.rivera);
    await page.goto("/patients");
    await page.getByLabel("Plan status").selectOption("expired");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/status=expired/);
    const badges = page.getByRole("table").getByText("Expired", { exact: true });
    await expect(badges.first()).toBeVisible();
    const rows = page.getByRole("row");
    const count = await rows.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 1; i < count; i += 1) await expect(rows.nth(i)).toContainText("Expired");

    await page.goto("/patients?q=Jordan&status=approved");
    await expect(page.getByRole("row", { name: /Jordan Lee/ })).toContainText("0.5 mm");
    await page.goto("/patients?status=approved&sort=reviewBy");
    await expect(page.getByRole("caption")).toHaveText("Patients, sorted by review date");
    const dates = await page.getByRole("row").evaluateAll((trs) => trs.slice(1).map((tr) => tr.children[7]?.textContent ?? ""));
    const parsed = dates.map((d) => Date.parse(d));
    expect(parsed.length).toBeGreaterThan(1);
    expect(parsed).toEqual([...parsed].sort((a, b) => a - b));
  });

  test("the API filters by status", async ({ apiAs }) => {
    const api = await apiAs(DEMO.rivera);
    for (const status of ["approved", "denied", "suspended", "expired", "pending"]) {
      const body = await (await api.get(`/api/patients?status=${status}&pageSize=100`)).json();
      expect(body.total, status).toBeGreaterThan(0);
      expect(new Set(body.items.map((p: { planStatus: string }) => p.planStatus))).toEqual(new Set([status]));
    }
    expect((await api.get("/api/patients?status=unknown")).status()).toBe(400);
  });
});
