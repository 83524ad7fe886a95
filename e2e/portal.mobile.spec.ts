import AxeBuilder from "@axe-core/playwright";
import { DEMO } from "./accounts";
import { activatePortalAccount, createPatientWithPlan, expect, hoursAgo, screenPatient, signInViaForm, test } from "./fixtures";

test("a patient logs an off-plan session and a severe reaction; the clinician resolves and suspends; the patient sees it", async ({ page, browser, apiAs }) => {
  const clinic = await apiAs(DEMO.chen);
  const patient = await createPatientWithPlan(clinic, "Portal Journey");
  const account = await activatePortalAccount(browser, clinic, patient.id);
  const earlier = await clinic.post(`/api/patients/${patient.id}/sessions`, {
    // Just now, after the plan was decided: the portal keeps the seconds of "now", so its entries come after this one.
    data: { performedAt: new Date().toISOString(), area: "face", needleMm: 0.5, device: "roller", sanitized: true, patchTestDone: true },
  });
  expect(earlier.status()).toBe(201);
  expect((await earlier.json()).reportedBy).toMatchObject({ name: "Dr. Wei Chen", onBehalf: true });
  const before = await (await clinic.get("/api/alerts/summary")).json();

  // The patient, on a phone, sees her limits and when each area may be treated next.
  await signInViaForm(page, account.email, account.password);
  await expect(page.getByText("Approved: you may microneedle at home within these limits.")).toBeVisible();
  const face = page.getByRole("listitem").filter({ hasText: "Face: up to 0.5 mm" });
  const neck = page.getByRole("listitem").filter({ hasText: "Neck: up to 0.25 mm" });
  await expect(neck).toContainText("Next session allowed: now");
  await expect(face).not.toContainText("Next session allowed: now");
  await expect(face).toContainText(/Next session allowed: \w{3},? \d{1,2} \w{3}/);
  // The standing guidance comes with every approved plan, above the clinician's own instructions.
  await expect(page.getByText(/Your plan is valid through \d{1,2} \w{3} \d{4}\./)).toBeVisible();
  const guidance = page.getByRole("region", { name: "Safety and technique" });
  await expect(guidance).toContainText("Stop microneedling and call your clinic if you notice");
  await expect(guidance).toContainText("about 15 seconds a section");
  const instructions = page.getByRole("region", { name: "Your clinician’s instructions" });
  await expect(instructions).toContainText("Sanitize before and after every session.");
  expect((await guidance.boundingBox())!.y).toBeLessThan((await instructions.boundingBox())!.y);

  // An off-plan session is warned about in plain words, then kept.
  await page.getByRole("link", { name: "Log a session" }).click();
  await page.getByLabel("Area").selectOption("face");
  // Lengths above the face's 0.5 mm are a report of what happened, offered only once declared.
  await page.getByRole("checkbox", { name: "I used a longer needle than my plan allows" }).check();
  await page.getByLabel("Needle length").selectOption("0.75");
  await page.getByRole("radio", { name: "Pen" }).check();
  await page.getByRole("group", { name: /sanitize/ }).getByRole("radio", { name: "Yes" }).check();
  await expect(page.getByText("0.75 mm is longer than your plan allows for the face (up to 0.5 mm).")).toBeVisible();
  await expect(page.getByText("This is too close to another face session.")).toBeVisible();
  await page.getByRole("button", { name: "Log session" }).click();
  await page.getByRole("button", { name: "Log it anyway" }).click();
  await expect(page.getByText("Session logged: Face, 0.75 mm.")).toBeVisible();
  await expect(page.getByText(/Recorded as outside your plan: .* Your clinic will see it the next time they open your record\./)).toBeVisible();
  await expect(page.getByText(/has been (told|alerted)/)).toHaveCount(0);

  // A severe reaction shows the urgent guidance before and after sending.
  await page.getByRole("link", { name: "Report a reaction" }).click();
  await page.getByLabel("Where is it?").selectOption("face");
  await page.getByRole("group", { name: "Pain or burning" }).getByRole("radio", { name: /Severe/ }).check();
  await expect(page.getByRole("alert").filter({ hasText: "Contact your clinic now." })).toBeVisible();
  await page.getByRole("button", { name: "Report reaction" }).click();
  await expect(page.getByText(/^Reaction reported\. Your clinic will see this the next time they open your record; if it gets worse, call your clinic.* or seek urgent care\.$/)).toBeVisible();
  await expect(page.getByText("Linked to your face session.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Contact your clinic now." })).toBeVisible();
  const [reaction] = (await (await clinic.get(`/api/patients/${patient.id}/reactions`)).json()).items;
  const [latest] = (await (await clinic.get(`/api/patients/${patient.id}/sessions`)).json()).items;
  expect(reaction).toMatchObject({ area: "face", sessionId: latest.id });

  // The clinician sees both alerts, with the badge count, and resolves one by suspending the plan.
  const clinician = await browser.newPage();
  await signInViaForm(clinician, DEMO.chen);
  await expect(clinician.getByRole("link", { name: /^Alerts/ })).toContainText(String(before.open + 2));
  await clinician.getByRole("link", { name: /^Alerts/ }).click();
  const mine = clinician.getByRole("listitem").filter({ hasText: patient.name });
  await expect(mine).toHaveCount(2);
  const severe = mine.filter({ hasText: "Severe reaction" });
  await expect(severe).toContainText("High");
  await expect(mine.filter({ hasText: "Off-plan session" })).toContainText("needle longer than plan, too close to another session");
  await severe.getByRole("button", { name: "Resolve…" }).click();
  await severe.getByLabel(/Resolution note/).fill("Called the patient: stop until seen in clinic on Monday.");
  await severe.getByRole("checkbox", { name: /Also suspend the home-care plan/ }).check();
  await severe.getByRole("button", { name: "Resolve and suspend plan" }).click();
  await expect(clinician.getByRole("listitem").filter({ hasText: patient.name })).toHaveCount(1);
  await expect(clinician.getByRole("link", { name: /^Alerts/ })).toContainText(String(before.open + 1));
  await clinician.goto(`/alerts?status=resolved&patientId=${patient.id}`);
  await expect(clinician.getByRole("listitem").filter({ hasText: patient.name })).toContainText("plan suspended as version 2");

  // The patient now sees the suspension and the reason.
  await page.getByRole("link", { name: "My plan" }).click();
  await expect(page.getByText("Your plan is suspended: stop home microneedling.")).toBeVisible();
  await expect(page.getByText("Reason from your clinician: Called the patient: stop until seen in clinic on Monday.")).toBeVisible();
  await expect(page.getByText(/Contact your clinic/).first()).toBeVisible();
  await expect(page.getByText("Face: up to 0.5 mm")).toHaveCount(0);

  // The history keeps every report, newest first.
  await page.getByRole("link", { name: "My history" }).click();
  const entries = page.getByRole("main").getByRole("listitem");
  await expect(entries.first()).toContainText("Reaction · Face · worst: severe");
  await expect(entries.nth(1)).toContainText("Session · Face · 0.75 mm · pen");
  await expect(entries.nth(1)).toContainText("Needle longer than plan");
  await expect(entries.nth(2)).toContainText("Recorded by Dr. Wei Chen for the patient (phone call).");
});

test("a failed request keeps everything the patient typed", async ({ page, browser, apiAs }) => {
  const clinic = await apiAs(DEMO.chen);
  const patient = await createPatientWithPlan(clinic, "Offline Patient");
  const account = await activatePortalAccount(browser, clinic, patient.id);
  await signInViaForm(page, account.email, account.password);
  await page.getByRole("link", { name: "Log a session" }).click();
  await page.getByLabel("Area").selectOption("neck");
  await page.getByLabel("Needle length").selectOption("0.25");
  await page.getByRole("radio", { name: "Roller" }).check();
  await page.getByRole("group", { name: /sanitize/ }).getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("group", { name: /patch test/ }).getByRole("radio", { name: "Yes" }).check();
  await page.getByLabel("Notes (optional)").fill("Evening session, skin felt fine.");

  await page.route("**/api/patients/*/sessions", (route) => route.abort("internetdisconnected"));
  await page.getByRole("button", { name: "Log session" }).click();
  await expect(page.getByText(/could not reach the server/)).toBeVisible();
  await expect(page.getByLabel("Area")).toHaveValue("neck");
  await expect(page.getByLabel("Needle length")).toHaveValue("0.25");
  await expect(page.getByLabel("Notes (optional)")).toHaveValue("Evening session, skin felt fine.");

  await page.unroute("**/api/patients/*/sessions");
  await page.getByRole("button", { name: "Log session" }).click();
  await expect(page.getByText("Session logged: Neck, 0.25 mm.")).toBeVisible();
  const sessions = await (await clinic.get(`/api/patients/${patient.id}/sessions`)).json();
  expect(sessions.items).toHaveLength(1);
  expect(sessions.items[0]).toMatchObject({ area: "neck", needleMm: 0.25, sanitized: true, flags: [], notes: "Evening session, skin felt fine." });
});

// Northside's clinicians here: the first journey counts Southbay's alert badge while these run.
test("the patient says where a reaction is, and it is saved against that area's session, not the latest one", async ({ page, browser, apiAs }) => {
  const clinic = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(clinic, "Reaction Where");
  const logged = async (area: string, needleMm: number, performedAt: string) =>
    (await (await clinic.post(`/api/patients/${patient.id}/sessions`, { data: { performedAt, area, needleMm, device: "roller", sanitized: true, patchTestDone: true } })).json()) as { id: string };
  const face = await logged("face", 0.5, hoursAgo(100));
  await logged("neck", 0.25, hoursAgo(1));
  const account = await activatePortalAccount(browser, clinic, patient.id);
  await signInViaForm(page, account.email, account.password);

  await page.getByRole("link", { name: "Report a reaction" }).click();
  await page.getByRole("group", { name: "Redness" }).getByRole("radio", { name: /Mild/ }).check();
  await page.getByRole("button", { name: "Report reaction" }).click();
  await expect(page.getByText("Choose where the reaction is.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Redness" }).getByRole("radio", { name: /Mild/ })).toBeChecked();

  // Only the chosen area's sessions are offered; by default the latest one there before the reaction.
  await page.getByLabel("Where is it?").selectOption("face");
  const which = page.getByLabel("Which session was it after? (optional)");
  await expect(which.getByRole("option")).toHaveCount(2);
  await expect(which).toHaveValue("");
  await expect(which.getByRole("option").first()).toHaveText("The latest face session before then");
  await page.getByRole("button", { name: "Report reaction" }).click();
  await expect(page.getByText(/^Reaction reported\. Your clinic will see this the next time they open your record; if it gets worse, call your clinic.* or seek urgent care\.$/)).toBeVisible();
  await expect(page.getByText("Linked to your face session.")).toBeVisible();
  const saved = (await (await clinic.get(`/api/patients/${patient.id}/reactions`)).json()).items;
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ sessionId: face.id, area: "face", alert: { severity: "high" } });

  // Redness still there after 48 hours spaces the next face session further, and the plan says why.
  await page.getByRole("link", { name: "My plan" }).click();
  const faceLimits = page.getByRole("listitem").filter({ hasText: "Face: up to 0.5 mm" });
  await expect(faceLimits).toContainText("Redness lasted more than 2 days after your last session, so your clinic adds 7 extra days.");
  await page.getByRole("link", { name: "My history" }).click();
  await expect(page.getByRole("main").getByRole("listitem").first()).toContainText("Reaction · Face · worst: mild");
});

test("a new blocking answer in the health screening pauses the patient's plan until a clinician clears it", async ({ page, browser, apiAs }) => {
  const clinic = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(clinic, "Paused Plan");
  const account = await activatePortalAccount(browser, clinic, patient.id);
  await signInViaForm(page, account.email, account.password);
  await expect(page.getByText("Face: up to 0.5 mm")).toBeVisible();

  await screenPatient(clinic, patient.id, ["pregnancy"]);
  const alerts = (await (await clinic.get(`/api/alerts?patientId=${patient.id}`)).json()).items.filter((a: { patientId: string }) => a.patientId === patient.id);
  expect(alerts).toMatchObject([{ kind: "new_contraindication", severity: "high" }]);
  await page.reload();
  // The limits stay on record, each paused, with why and what to do: never "approved" nor "now".
  await expect(page.getByText("Your plan is paused: do not microneedle.")).toBeVisible();
  // The layout's stop banner says it too; this is the plan's own account of it.
  const main = page.getByRole("main");
  await expect(main.getByText(/A new answer in your health screening/)).toBeVisible();
  await expect(main.getByText(/Do not microneedle any area until your clinic clears you\. Call your clinic/)).toBeVisible();
  await expect(page.getByTestId("pause-banner")).toContainText("Stop microneedling and contact your clinic");
  const face = page.getByRole("listitem").filter({ hasText: "Face: up to 0.5 mm" });
  await expect(face).toContainText("Paused: no sessions until your clinic clears you.");
  await expect(page.getByText("Approved: you may microneedle at home within these limits.")).toHaveCount(0);
  await expect(page.getByText(/Next session allowed: now/)).toHaveCount(0);

  // The session form says so before anything is sent.
  await page.getByRole("link", { name: "Log a session" }).click();
  await expect(page.getByText("Home microneedling is paused for every area.")).toBeVisible();

  // A blocking answer still on record cannot be cleared by a note: the clinician screens again first.
  const refused = await clinic.post(`/api/patients/${patient.id}/pause/clear`, { data: { note: "Called her: not pregnant after all, test was negative." } });
  expect(refused.status()).toBe(409);
  await screenPatient(clinic, patient.id, []);
  // A clinician clears it with a note: the plan says when.
  const cleared = await clinic.post(`/api/patients/${patient.id}/pause/clear`, { data: { note: "Called her: not pregnant after all, test was negative." } });
  expect(cleared.status(), await cleared.text()).toBe(200);
  await page.getByRole("link", { name: "My plan" }).click();
  await expect(page.getByText(/^Your clinic has cleared you to continue on \d{1,2} \w{3} \d{4}\.$/)).toBeVisible();
  await expect(page.getByText("Approved: you may microneedle at home within these limits.")).toBeVisible();
});

test("the log-session form offers lengths above the plan only once a longer needle is declared", async ({ page, browser, apiAs }) => {
  const clinic = await apiAs(DEMO.rivera);
  const patient = await createPatientWithPlan(clinic, "Longer Needle");
  const account = await activatePortalAccount(browser, clinic, patient.id);
  await signInViaForm(page, account.email, account.password);
  await page.getByRole("link", { name: "Log a session" }).click();
  // What the portal knows about spacing shows before submit.
  await expect(page.getByText(/what your plan allows now/)).toBeVisible();
  await expect(page.getByText(/Neck \(up to 0\.25 mm\): next session allowed now\./)).toBeVisible();

  await page.getByLabel("Area").selectOption("neck");
  const needle = page.getByLabel("Needle length");
  const offered = async () => (await needle.locator("option").allTextContents()).filter((t) => t.endsWith("mm"));
  expect(await offered()).toEqual(["0.2 mm", "0.25 mm"]);
  await expect(page.getByText(/Clinic lengths/)).toHaveCount(0);

  const longer = page.getByRole("checkbox", { name: "I used a longer needle than my plan allows" });
  await longer.check();
  expect(await offered()).toEqual(["0.2 mm", "0.25 mm", "0.3 mm", "0.5 mm", "0.75 mm", "1.0 mm", "1.5 mm", "2.0 mm", "2.5 mm", "3.0 mm"]);
  await expect(page.getByRole("note")).toContainText("can injure the skin, cause infection or leave scars");
  await needle.selectOption("1.5");
  await expect(page.getByText("1.5 mm is a clinic depth: home needles never go above 1.0 mm.")).toBeVisible();

  // Unticking hides the longer lengths again and drops the choice.
  await longer.uncheck();
  await expect(needle).toHaveValue("");
  expect(await offered()).toEqual(["0.2 mm", "0.25 mm"]);
});

test("every portal page has no serious accessibility violations", async ({ page }) => {
  await signInViaForm(page, DEMO.lee);
  for (const [path, heading] of [
    ["/portal", "Hello, Jordan Lee"],
    ["/portal/log-session", "Log a session"],
    ["/portal/report-reaction", "Report a reaction"],
    ["/portal/history", "My history"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${path}: ${v.id}`)).toEqual([]);
  }
});
