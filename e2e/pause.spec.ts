import { DEMO } from "./accounts";
import { activatePortalAccount, createPatientWithPlan, expect, sessionReport, signInViaForm, test } from "./fixtures";

const PORTAL_PAGES = ["My plan", "Log a session", "Report a reaction", "My history", "Tell your clinic about a change"];

test("a patient reports an infection: every portal page says stop until a clinician clears it", async ({ page, browser, apiAs }) => {
  const clinic = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(clinic, "Infection Pause");
  const account = await activatePortalAccount(browser, clinic, patient.id);
  const logged = await clinic.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport({ area: "neck", needleMm: 0.25 }) });
  expect(logged.status()).toBe(201);

  await signInViaForm(page, account.email, account.password);
  await expect(page.getByTestId("pause-banner")).toHaveCount(0);
  await page.getByRole("link", { name: "Report a reaction" }).click();
  await page.getByLabel("Where is it?").selectOption("neck");
  await page.getByRole("group", { name: /Signs of infection/ }).getByRole("radio", { name: /Severe/ }).check();
  await page.getByRole("group", { name: "Fever or feeling unwell" }).getByRole("radio", { name: /Moderate/ }).check();
  await page.getByRole("button", { name: "Report reaction" }).click();
  await expect(page.getByText(/^Reaction reported\./)).toBeVisible();

  // The stop banner, with the clinic's phone, on every portal page.
  for (const name of PORTAL_PAGES) {
    await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name }).click();
    const banner = page.getByTestId("pause-banner");
    await expect(banner).toContainText("Stop microneedling and contact your clinic");
    await expect(banner).toContainText("You reported a warning sign");
    await expect(banner.getByRole("link", { name: "+1 555 0100" })).toHaveAttribute("href", "tel:+15550100");
  }
  const care = await (await clinic.get(`/api/patients/${patient.id}/home-care`)).json();
  expect(care.pause).toMatchObject({ reason: "warning_sign", alertId: expect.any(String) });
  expect(care.areas.map((a: { allowed: boolean; nextAllowedAt: string | null; nextAllowedReasons: string[] }) => [a.allowed, a.nextAllowedAt, a.nextAllowedReasons])).toEqual([
    [false, null, ["paused_warning_sign"]],
    [false, null, ["paused_warning_sign"]],
  ]);

  // A session logged meanwhile is kept, flagged and raises a high alert.
  const during = await clinic.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport({ area: "face" }) });
  expect((await during.json()).flags).toContain("while_paused");

  // The clinician sees the pause first on the record, and clears it with a note.
  const clinicianPage = await (await browser.newContext()).newPage();
  await signInViaForm(clinicianPage, DEMO.rivera);
  await clinicianPage.goto(`/patients/${patient.id}`);
  const notice = clinicianPage.getByTestId("pause-notice");
  await expect(notice).toContainText("the patient reported a warning sign");
  await expect(notice).toContainText("shown “Stop microneedling and contact your clinic” on every portal page");
  await notice.getByLabel("Why it is safe to continue").fill("aaaaaaaaaaaaa");
  await notice.getByRole("button", { name: "Clear the pause" }).click();
  await expect(notice).toContainText(/at least 3 words/);
  await notice.getByLabel("Why it is safe to continue").fill("Seen in clinic today: the infection has settled and she has no fever.");
  await notice.getByRole("button", { name: "Clear the pause" }).click();
  await expect(clinicianPage.getByTestId("pause-notice")).toHaveCount(0);
  await clinicianPage.context().close();

  // A fresh render of the plan page (the layout's banner is drawn on the server).
  await page.goto("/portal");
  await expect(page.getByTestId("pause-banner")).toHaveCount(0);
  await expect(page.getByText(/^Your clinic has cleared you to continue on \d{1,2} \w{3} \d{4}\.$/)).toBeVisible();
});

test("a patient tells the clinic she is pregnant: home microneedling pauses with a high alert", async ({ page, browser, apiAs }) => {
  const clinic = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(clinic, "Told Pregnancy");
  const account = await activatePortalAccount(browser, clinic, patient.id);
  await signInViaForm(page, account.email, account.password);
  await page.getByRole("link", { name: "Tell your clinic about a change" }).click();
  await page.getByRole("checkbox", { name: /I am pregnant/ }).check();
  await page.getByRole("button", { name: "Tell my clinic" }).click();
  await expect(page.getByText("Stop microneedling now, in every area.")).toBeVisible();
  // Nobody is notified yet: the page says what will happen, never that the clinic was alerted.
  await expect(page.getByText(/the next time they open your record/)).toBeVisible();
  await expect(page.getByText(/has been (alerted|notified|told)/)).toHaveCount(0);
  await expect(page.getByTestId("pause-banner")).toContainText("You told your clinic about a change in your health");
  // What she told the clinic stays listed on the page, in her own record.
  await expect(page.getByRole("region", { name: "What you have told your clinic" })).toContainText("Pregnancy or breastfeeding");

  const alerts = (await (await clinic.get(`/api/alerts?status=open&patientId=${patient.id}`)).json()).items;
  expect(alerts).toMatchObject([{ kind: "health_change", severity: "high" }]);
  const changes = (await (await clinic.get(`/api/patients/${patient.id}/health-changes`)).json()).items;
  expect(changes).toMatchObject([{ item: "pregnancy", source: "patient" }]);
  // Her statement sits beside the clinician's screening, never in it.
  const { screening } = await (await clinic.get(`/api/patients/${patient.id}/screening`)).json();
  expect(screening).toMatchObject({ version: 1 });
  expect(screening.answers.find((a: { item: string }) => a.item === "pregnancy")).toMatchObject({ answer: false });
  expect((await (await clinic.get(`/api/patients/${patient.id}/home-care`)).json()).pause).toMatchObject({ reason: "health_change", items: ["pregnancy"] });
});

test("only a clinician clears a pause; an admin taking a call records a health change", async ({ apiAs }) => {
  const clinic = await apiAs(DEMO.rivera);
  const admin = await apiAs(DEMO.admin);
  const patient = await createPatientWithPlan(clinic, "Phone Call");
  const told = await admin.post(`/api/patients/${patient.id}/health-changes`, { data: { items: [{ item: "isotretinoin", date: new Date().toISOString().slice(0, 10) }] } });
  expect(told.status(), await told.text()).toBe(201);
  expect(await told.json()).toMatchObject({ paused: true, alertSeverity: "high", items: [{ item: "isotretinoin", source: "staff" }] });
  const [alert] = (await (await clinic.get(`/api/alerts?status=open&patientId=${patient.id}`)).json()).items;
  // No portal account: the alert says to call, and cannot be put away until the call is recorded.
  expect(alert.summary).toContain("no portal access: call them");
  expect((await clinic.post(`/api/alerts/${alert.id}/acknowledge`)).status()).toBe(409);

  const note = { note: "Spoke with the patient: she stopped isotretinoin months ago and no longer takes it." };
  expect((await admin.post(`/api/patients/${patient.id}/pause/clear`, { data: note })).status()).toBe(403);
  // Still a blocking answer on record (her statement): a note alone cannot clear it.
  expect((await clinic.post(`/api/patients/${patient.id}/pause/clear`, { data: note })).status()).toBe(409);
});
