import type { Bundle, CarePlan, Procedure, Resource } from "@medplum/fhirtypes";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { auditEvents, homeSessions, patients } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { carePlanId } from "@/lib/fhir/care-plan";
import { BULK_TYPES } from "@/lib/validation/fhir-export";
import { fhirId } from "@/lib/fhir/ids";
import { readZip } from "@/lib/fhir/testing/read-zip";
import { actorFor, patientIdByName } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { exportClinicFhir, exportPatientFhir } from "./fhir-export";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const resourcesOf = <T extends Resource>(bundle: Bundle, type: T["resourceType"]) => bundle.entry!.map((e) => e.resource!).filter((r): r is T => r.resourceType === type);
const lastAudit = (action: string) => db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id)).limit(1).get();

describe("exportPatientFhir", () => {
  it("lets a patient export their own record, and audits it as a PHI export with the resource count", () => {
    const lee = actorFor(db, "lee@patient.test");
    const { bundle, filename } = exportPatientFhir(lee, lee.patientId!);
    expect(resourcesOf(bundle, "Patient").map((p) => p.id)).toEqual([fhirId("Patient", lee.patientId!)]);
    expect(filename).toMatch(/^dermaplan-NS-100001-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
    const audit = lastAudit("patient.export_fhir");
    expect(audit).toMatchObject({ actorId: lee.id, patientId: lee.patientId, outcome: "success" });
    expect(JSON.parse(audit!.detail!)).toEqual({ format: "application/fhir+json", resourceCount: bundle.entry!.length });
  });

  it("answers 404 to a patient asking for someone else and to staff of another clinic, exporting nothing", () => {
    const before = lastAudit("patient.export_fhir")?.id;
    const patel = patientIdByName(db, "Priya Patel");
    expect(() => exportPatientFhir(actorFor(db, "lee@patient.test"), patel)).toThrow(NotFoundError);
    expect(() => exportPatientFhir(actorFor(db, "chen@southbay.test"), patel)).toThrow(NotFoundError);
    expect(lastAudit("patient.export_fhir")?.id).toBe(before);
    expect(lastAudit("patient.access_denied")).toMatchObject({ outcome: "denied" });
  });

  it("gives the same ids and contents in two exports", () => {
    const rivera = actorFor(db, "rivera@northside.test");
    const lee = patientIdByName(db, "Jordan Lee");
    const first = exportPatientFhir(rivera, lee).bundle;
    const second = exportPatientFhir(rivera, lee).bundle;
    expect(first.entry!.length).toBeGreaterThan(20);
    expect(second.entry).toEqual(first.entry);
  });

  it("bases each Procedure on the CarePlan of the version its session was judged by", () => {
    const lee = patientIdByName(db, "Jordan Lee");
    const { bundle } = exportPatientFhir(actorFor(db, "rivera@northside.test"), lee);
    const sessions = db.select({ id: homeSessions.id, planVersion: homeSessions.planVersion }).from(homeSessions).where(eq(homeSessions.patientId, lee)).all();
    const procedures = new Map(resourcesOf<Procedure>(bundle, "Procedure").map((p) => [p.id, p]));
    expect(procedures.size).toBe(sessions.length);
    for (const session of sessions) {
      const expected = session.planVersion === null ? undefined : [`urn:uuid:${carePlanId(lee, session.planVersion)}`];
      expect(procedures.get(fhirId("Procedure", session.id))?.basedOn?.map((r) => r.reference)).toEqual(expected);
    }
  });

  it("shows a suspension as the on-hold latest version replacing the revoked approval", () => {
    const suspended = db.select({ id: patients.id }).from(patients).where(and(eq(patients.currentDecision, "suspended"), eq(patients.currentPlanVersion, 2))).get()!;
    const { bundle } = exportPatientFhir(actorFor(db, "admin@northside.test"), suspended.id);
    const plans = resourcesOf<CarePlan>(bundle, "CarePlan").sort((a, b) => a.title!.localeCompare(b.title!));
    expect(plans.map((p) => [p.title, p.status, p.replaces?.[0]?.reference])).toEqual([
      ["Home microneedling plan, version 1", "revoked", undefined],
      ["Home microneedling plan, version 2", "on-hold", `urn:uuid:${plans[0]!.id}`],
    ]);
    expect(resourcesOf(bundle, "Provenance")).toHaveLength(2);
  });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("exportClinicFhir", () => {
  it("is for admins only", () => {
    expect(() => exportClinicFhir(actorFor(db, "rivera@northside.test"), {})).toThrow(ForbiddenError);
  });

  it("streams a zip with one NDJSON file per type holding the clinic's patients and no one else's, then audits it", async () => {
    const admin = actorFor(db, "admin@northside.test");
    const exported = exportClinicFhir(admin, {});
    const files = readZip(await readAll(exported.body));
    expect([...files.keys()]).toEqual(BULK_TYPES.map((type) => `${type}.ndjson`));
    const northside = db.select({ id: patients.id }).from(patients).where(eq(patients.clinicId, admin.clinicId)).all();
    const exportedPatients = files.get("Patient.ndjson")!.trimEnd().split("\n").map((line) => JSON.parse(line) as { id: string; managingOrganization: { reference: string } });
    expect(exported.patientCount).toBe(northside.length);
    expect(exportedPatients.map((p) => p.id).sort()).toEqual(northside.map((p) => fhirId("Patient", p.id)).sort());
    expect(new Set(exportedPatients.map((p) => p.managingOrganization.reference))).toEqual(new Set([`Organization/${fhirId("Organization", admin.clinicId)}`]));
    for (const [name, text] of files) {
      const types = new Set(text.trimEnd().split("\n").map((line) => (JSON.parse(line) as Resource).resourceType));
      expect([...types], name).toEqual([name.replace(".ndjson", "")]);
    }
    const audit = lastAudit("clinic.export_fhir")!;
    expect(audit).toMatchObject({ actorId: admin.id, clinicId: admin.clinicId, outcome: "success", patientId: null });
    const detail = JSON.parse(audit.detail!) as { resourceCounts: Record<string, number>; patientCount: number };
    expect(detail.patientCount).toBe(northside.length);
    expect(detail.resourceCounts.Patient).toBe(northside.length);
    expect(detail.resourceCounts.Observation).toBe(files.get("Observation.ndjson")!.trimEnd().split("\n").length);
  });

  it("answers one type as NDJSON when asked", async () => {
    const text = (await readAll(exportClinicFhir(actorFor(db, "admin@northside.test"), { type: "Practitioner" }).body)).toString();
    const names = text.trimEnd().split("\n").map((line) => (JSON.parse(line) as { name: { text: string }[] }).name[0]!.text);
    expect(names).toContain("Dr. Sofia Rivera");
    expect(names).not.toContain("Dr. Wei Chen");
  });

  it("audits a cancelled download as a failure with what had been produced", async () => {
    const exported = exportClinicFhir(actorFor(db, "admin@northside.test"), {});
    const reader = exported.body.getReader();
    await reader.read();
    await reader.cancel();
    const audit = lastAudit("clinic.export_fhir")!;
    expect(audit.outcome).toBe("failure");
    expect(JSON.parse(audit.detail!)).toMatchObject({ reason: "aborted" });
  });
});
