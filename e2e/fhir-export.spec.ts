import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { readZip } from "../lib/fhir/testing/read-zip";
import { DEMO } from "./accounts";
import { expect, findPatientId, signInViaForm, test } from "./fixtures";

type Entry = { fullUrl: string; resource: { resourceType: string; id: string; identifier?: { value: string }[] } };

test.describe("FHIR export", () => {
  test("a clinician downloads one patient's record as a FHIR bundle; another clinic's clinician gets 404", async ({ apiAs }) => {
    const rivera = await apiAs(DEMO.rivera);
    const lee = await findPatientId(rivera, "Jordan Lee");

    const download = await rivera.get(`/api/patients/${lee}/fhir?download=1`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain("application/fhir+json");
    expect(download.headers()["cache-control"]).toBe("no-store");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="dermaplan-NS-100001-\d{4}-\d{2}-\d{2}\.fhir\.json"$/);
    const bundle = (await download.json()) as { resourceType: string; type: string; entry: Entry[] };
    expect([bundle.resourceType, bundle.type]).toEqual(["Bundle", "collection"]);
    const patient = bundle.entry.find((e) => e.resource.resourceType === "Patient")!;
    expect(patient.resource.identifier?.[0]?.value).toBe("NS-100001");
    expect(patient.fullUrl).toBe(`urn:uuid:${patient.resource.id}`);
    expect(new Set(bundle.entry.map((e) => e.resource.resourceType))).toEqual(new Set(["Organization", "Patient", "CarePlan", "DeviceRequest", "Provenance", "Procedure", "Observation", "Practitioner"]));

    // Read inline (no download) the answer is the same record without the attachment header.
    const inline = await rivera.get(`/api/patients/${lee}/fhir`);
    expect(inline.headers()["content-disposition"]).toBeUndefined();
    expect(((await inline.json()) as typeof bundle).entry.map((e) => e.resource.id)).toEqual(bundle.entry.map((e) => e.resource.id));

    const chen = await apiAs(DEMO.chen);
    expect((await chen.get(`/api/patients/${lee}/fhir`)).status()).toBe(404);
  });

  test("the admin exports the whole clinic with progress shown, gets a zip of NDJSON per type, and the export is audited", async ({ page }) => {
    test.setTimeout(60_000);
    await signInViaForm(page, DEMO.admin);
    await page.getByRole("link", { name: "Export", exact: true }).click();
    await page.waitForURL(/\/exports$/);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export all records (FHIR)" }).click();
    const download = await downloading;
    await expect(page.getByRole("status")).toContainText(/Done: dermaplan-fhir-\d{4}-\d{2}-\d{2}\.zip \(.+, \d+ patients\)/);
    expect(download.suggestedFilename()).toMatch(/^dermaplan-fhir-\d{4}-\d{2}-\d{2}\.zip$/);

    const files = readZip(fs.readFileSync((await download.path())!));
    const types = ["Organization", "Practitioner", "Patient", "CarePlan", "DeviceRequest", "Provenance", "Procedure", "Observation", "AdverseEvent"];
    expect([...files.keys()]).toEqual(types.map((type) => `${type}.ndjson`));
    const patients = files.get("Patient.ndjson")!.trimEnd().split("\n").map((line) => JSON.parse(line) as { name: { text: string }[] });
    const names = patients.map((p) => p.name[0]!.text);
    expect(names).toEqual(expect.arrayContaining(["Jordan Lee", "Priya Patel"]));
    expect(names).not.toContain("Ana Garcia");
    // Bulk Data files reference by type and id: there is no bundle to hold urn:uuid entries.
    expect(files.get("Procedure.ndjson")).toMatch(/"subject":\{"reference":"Patient\/[0-9a-f-]{36}"/);

    const audit = await page.request.get("/api/audit?action=clinic.export_fhir");
    // The newest of this admin's: the matrix's admin exports from the same clinic at the same time.
    const { items } = (await audit.json()) as { items: { outcome: string; detail: unknown; actor: { email: string } | null }[] };
    const ours = items.find((item) => item.actor?.email === DEMO.admin);
    expect(ours).toMatchObject({ outcome: "success" });
    expect(JSON.stringify(ours!.detail)).toContain(`"Patient":${patients.length}`);
  });
});
