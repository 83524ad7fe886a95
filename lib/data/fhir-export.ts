import "server-only";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { getDb } from "@/db";
import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/types";
import { collectionBundle, ndjsonLine } from "@/lib/fhir/bundle";
import { BULK_TYPES, type BulkType, type ClinicExportQuery } from "@/lib/validation/fhir-export";
import { referencer } from "@/lib/fhir/ids";
import { ndjsonStream, ndjsonZipStream, type StreamOutcome } from "@/lib/fhir/ndjson-stream";
import { toOrganization, toPatient, toPractitioner } from "@/lib/fhir/people";
import type { StreamedExport } from "@/lib/fhir/responses";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { clinicToday } from "./clock";
import {
  clinicPatients,
  clinicStaff,
  countClinicPatients,
  loadClinic,
  loadPatient,
  loadStaff,
  planResources,
  reactionResources,
  sessionResources,
  type ExportContext,
} from "./internal/fhir-rows";

export type PatientFhirExport = { bundle: Bundle; filename: string };

/**
 * A patient's whole record as a FHIR R4 `collection` Bundle: patients their own, staff their clinic's
 * (anyone else: 404). One patient's record is small enough to build before answering, which lets the audit
 * row, with the exact resource count, be written before any of it leaves.
 */
export function exportPatientFhir(actor: Actor, patientId: string): PatientFhirExport {
  const scope = requirePatientAccess(actor, patientId);
  const db = getDb();
  const patient = loadPatient(db, scope.id);
  const clinic = loadClinic(db, scope.clinicId);
  if (!patient || !clinic) throw new NotFoundError("Patient not found.");
  const exportedAt = new Date().toISOString();
  const staff = new Set([patient.responsibleClinicianId]);
  const context: ExportContext = { cutoff: exportedAt, today: clinicToday(), ref: referencer("bundle"), onStaff: (id) => staff.add(id) };
  const resources: Resource[] = [
    toOrganization(clinic),
    toPatient(patient, context.ref),
    ...planResources(db, patient.id, context),
    ...sessionResources(db, patient.id, context),
    ...reactionResources(db, patient.id, context),
  ];
  // Last, once every resource has named the staff it refers to.
  for (const member of loadStaff(db, [...staff])) resources.push(toPractitioner(member));
  recordAudit(db, { action: "patient.export_fhir", outcome: "success", actor, patientId: patient.id, detail: { format: "application/fhir+json", resourceCount: resources.length } });
  return { bundle: collectionBundle(resources, exportedAt), filename: `dermaplan-${patient.mrn}-${exportedAt.slice(0, 10)}.fhir.json` };
}

/**
 * The clinic's records as Bulk Data NDJSON, one file per resource type in a zip (or one type alone),
 * admins only. Streamed: each file is a pass over the clinic's patients a page at a time, so memory stays
 * flat whatever the clinic's size. The audit row is written when the stream ends, with what was sent: all
 * of it, or, when the download was cancelled or failed, the counts so far and why.
 */
export function exportClinicFhir(actor: Actor, query: ClinicExportQuery): StreamedExport {
  requireRole(actor, ["admin"], "clinic.export_fhir");
  const db = getDb();
  const clinic = loadClinic(db, actor.clinicId);
  if (!clinic) throw new NotFoundError("Clinic not found.");
  const exportedAt = new Date().toISOString();
  const context: ExportContext = { cutoff: exportedAt, today: clinicToday(), ref: referencer("relative") };
  const patientCount = countClinicPatients(db, clinic.id, exportedAt);
  const types: readonly BulkType[] = query.type ? [query.type] : BULK_TYPES;
  const counts: Partial<Record<BulkType, number>> = {};
  const format = query.type ? "application/fhir+ndjson" : "application/zip (NDJSON per type)";

  function* lines(type: BulkType): Generator<string> {
    counts[type] = 0;
    for (const resource of resourcesOf(type, clinic!, context)) {
      counts[type] += 1;
      yield ndjsonLine(resource);
    }
  }
  const onEnd = (outcome: StreamOutcome, error?: unknown) => {
    if (error) console.error("Clinic FHIR export failed", error);
    recordAudit(getDb(), {
      action: "clinic.export_fhir",
      outcome: outcome === "complete" ? "success" : "failure",
      actor,
      detail: { format, patientCount, resourceCounts: counts, ...(outcome === "complete" ? {} : { reason: outcome }) },
    });
  };
  const stamp = exportedAt.slice(0, 10);
  if (query.type) {
    const type = query.type;
    return { body: ndjsonStream({ name: `${type}.ndjson`, lines: () => lines(type) }, onEnd), filename: `dermaplan-${type}-${stamp}.ndjson`, contentType: "application/fhir+ndjson", patientCount };
  }
  const files = types.map((type) => ({ name: `${type}.ndjson`, lines: () => lines(type) }));
  return { body: ndjsonZipStream(files, onEnd), filename: `dermaplan-fhir-${stamp}.zip`, contentType: "application/zip", patientCount };
}

const PATIENT_RESOURCES = {
  CarePlan: planResources,
  DeviceRequest: planResources,
  Provenance: planResources,
  Procedure: sessionResources,
  Observation: reactionResources,
  AdverseEvent: reactionResources,
} as const;

/** One type's resources across the clinic: a pass over its patients, keeping what the type's source yields of it. */
function* resourcesOf(type: BulkType, clinic: { id: string; name: string }, context: ExportContext): Generator<Resource> {
  const db = getDb();
  if (type === "Organization") {
    yield toOrganization(clinic);
    return;
  }
  if (type === "Practitioner") {
    for (const member of clinicStaff(db, clinic.id, context.cutoff)) yield toPractitioner(member);
    return;
  }
  for (const patient of clinicPatients(db, clinic.id, context.cutoff)) {
    if (type === "Patient") {
      yield toPatient(patient, context.ref);
      continue;
    }
    for (const resource of PATIENT_RESOURCES[type](db, patient.id, context)) if (resource.resourceType === type) yield resource;
  }
}
