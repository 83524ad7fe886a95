import fs from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { DEMO } from "./accounts";
import { activatePortalAccount, createPatientWithPlan, expect, hoursAgo, sessionReport, signInViaForm, test } from "./fixtures";

type Resource = { resourceType: string; id?: string; [key: string]: unknown };
type Bundle = { resourceType: "Bundle"; entry?: { fullUrl?: string; resource: Resource }[] };

/** Clicks a download link and hands back what the browser saved. */
async function downloadVia(page: Page, linkName: string): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  const text = await fs.readFile((await download.path())!, "utf8");
  return { download, text };
}

const parseCsv = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[];

/** A resource of the bundle by reference, relative (`DeviceRequest/x`) or by the entry's full URL. */
function resolve(bundle: Bundle, reference: string): Resource | undefined {
  return bundle.entry?.find((e) => e.fullUrl === reference || `${e.resource.resourceType}/${e.resource.id}` === reference)?.resource;
}

const NOTE = 'Tingling, then "warm" for an hour';

test.describe("downloading a record", () => {
  test("the patient downloads her record from the portal: the FHIR file holds her plan, the CSV her sessions", async ({ page, browser, apiAs }) => {
    const staff = await apiAs(DEMO.rivera);
    const patient = await createPatientWithPlan(staff, "Record Download", { areas: [{ area: "face", maxNeedleMm: 0.5 }] });
    const session = await staff.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport({ notes: NOTE }) });
    expect(session.status()).toBe(201);
    const sessionId = ((await session.json()) as { id: string }).id;
    const reaction = await staff.post(`/api/patients/${patient.id}/reactions`, { data: { reportedAt: new Date().toISOString(), sessionId, notes: null, symptoms: [{ symptom: "erythema", grade: 1 }] } });
    expect(reaction.status()).toBe(201);
    const account = await activatePortalAccount(browser, staff, patient.id);

    await signInViaForm(page, account.email, account.password);
    await expect(page.getByRole("heading", { name: "Download my record" })).toBeVisible();

    const sessions = await downloadVia(page, "My sessions (CSV)");
    expect(sessions.download.suggestedFilename()).toMatch(new RegExp(`^dermaplan-sessions-${patient.id}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const rows = parseCsv(sessions.text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ session_id: sessionId, area: "face", needle_mm: "0.5", notes: NOTE, flags: "", reported_on_behalf: "true" });
    expect(rows[0]!.performed_at_utc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const reactions = parseCsv((await downloadVia(page, "My reactions (CSV)")).text);
    expect(reactions).toEqual([expect.objectContaining({ session_id: sessionId, erythema_grade: "1", max_grade: "1" })]);

    const fhir = await downloadVia(page, "My health record (FHIR JSON)");
    const bundle = JSON.parse(fhir.text) as Bundle;
    expect(bundle.resourceType).toBe("Bundle");
    const carePlans = (bundle.entry ?? []).map((e) => e.resource).filter((r) => r.resourceType === "CarePlan" && r.status === "active");
    expect(carePlans).toHaveLength(1);
    // The standing guidance the portal shows rides as the description; the clinician's own words are a note.
    expect(carePlans[0]!.description).toMatch(/^Stop microneedling and call your clinic if you notice:\n- signs of infection/);
    expect((carePlans[0]!.note as { text: string }[]).map((n) => n.text)).toContain("Clinician's instructions: Sanitize before and after every session.");
    const activity = (carePlans[0]!.activity as { reference?: { reference: string } }[])[0]!;
    const limits = resolve(bundle, activity.reference!.reference) as { parameter: { valueQuantity: { value: number; unit: string } }[] } | undefined;
    expect(limits?.parameter.map((p) => p.valueQuantity)).toEqual([expect.objectContaining({ value: 0.5, unit: "mm" })]);
  });

  test("staff download a patient's reactions from the patient page", async ({ page, apiAs }) => {
    const staff = await apiAs(DEMO.rivera);
    const patient = await createPatientWithPlan(staff, "Staff Download");
    const session = await (await staff.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport({ performedAt: hoursAgo(30) }) })).json();
    const reaction = await staff.post(`/api/patients/${patient.id}/reactions`, {
      data: { reportedAt: hoursAgo(20), sessionId: session.id, notes: null, symptoms: [{ symptom: "erythema", grade: 1 }, { symptom: "itching", grade: 2 }] },
    });
    expect(reaction.status()).toBe(201);

    await signInViaForm(page, DEMO.rivera);
    await page.goto(`/patients/${patient.id}`);
    const rows = parseCsv((await downloadVia(page, "Reactions (CSV)")).text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ session_id: session.id, area: "face", max_grade: "2", erythema_grade: "1", itching_grade: "2", pain_grade: "" });
  });

  test("the admin downloads every session of the clinic, and the download is on the audit trail", async ({ page, apiAs }) => {
    const staff = await apiAs(DEMO.rivera);
    const patient = await createPatientWithPlan(staff, "Clinic Download");
    expect((await staff.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport() })).status()).toBe(201);

    await signInViaForm(page, DEMO.admin);
    await page.goto("/settings");
    const rows = parseCsv((await downloadVia(page, "All sessions (CSV)")).text);
    expect(rows.filter((r) => r.patient_id === patient.id)).toEqual([expect.objectContaining({ patient_mrn: patient.mrn, area: "face", needle_mm: "0.5" })]);
    // Northside only: Ana Garcia is South Bay's.
    const southBay = await (await apiAs(DEMO.chen)).get("/api/patients?q=Garcia");
    const garcia = ((await southBay.json()) as { items: { id: string }[] }).items[0]!;
    expect(rows.some((r) => r.patient_id === garcia.id)).toBe(false);

    const audit = await (await apiAs(DEMO.admin)).get("/api/audit?action=clinic.export_csv");
    const items = ((await audit.json()) as { items: { action: string; actor: { email: string } | null; detail: unknown }[] }).items;
    const mine = items.find((i) => i.actor?.email === DEMO.admin);
    expect(mine).toMatchObject({ action: "clinic.export_csv", detail: { kind: "sessions", rows: expect.any(Number) } });
  });

  test("another patient's record, or another clinic's, answers 404; the clinic file is the admin's alone", async ({ apiAs }) => {
    const patient = await createPatientWithPlan(await apiAs(DEMO.rivera), "Not Yours");
    for (const caller of [DEMO.lee, DEMO.garcia, DEMO.chen]) {
      const response = await (await apiAs(caller)).get(`/api/patients/${patient.id}/export/sessions.csv`);
      expect(response.status(), caller).toBe(404);
      expect(response.headers()["content-type"]).toContain("application/json");
    }
    expect((await (await apiAs(DEMO.rivera)).get("/api/clinic/export/reactions.csv")).status()).toBe(403);
  });
});
