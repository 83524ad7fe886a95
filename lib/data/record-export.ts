import "server-only";
import { getDb } from "@/db";
import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/types";
import type { CsvFile } from "@/lib/csv";
import { recordAudit } from "./audit";
import { clinicTimeZone, clinicToday } from "./clock";
import { clinicRows, countClinicRows, countPatientRows, HEADERS, patientRows, type ExportKind } from "./internal/export-rows";

export { EXPORT_KINDS, type ExportKind } from "./internal/export-rows";

/**
 * One patient's sessions or reactions as CSV, for their clinic's staff and for the patient. The export
 * is audited before a row leaves, so a download cut short, or a server that dies mid-stream, is still
 * on the trail; `rows` is the count when the export began (a report arriving meanwhile may add one).
 * The filename carries the record id, never the name or MRN, both identifiers that would then sit in
 * a downloads folder and browser history.
 */
export function exportPatientCsv(actor: Actor, patientId: string, kind: ExportKind): CsvFile {
  const scope = requirePatientAccess(actor, patientId);
  const rows = countPatientRows(kind, scope.id);
  recordAudit(getDb(), { action: "patient.export_csv", outcome: "success", actor, patientId: scope.id, detail: { kind, rows } });
  return {
    filename: `dermaplan-${kind}-${scope.id}-${clinicToday()}.csv`,
    header: HEADERS[kind],
    rows: patientRows(kind, scope.id, clinicTimeZone()),
  };
}

/** Every patient's sessions or reactions in the admin's clinic, with patient id and MRN on each row. */
export function exportClinicCsv(actor: Actor, kind: ExportKind): CsvFile {
  requireRole(actor, ["admin"], "exportClinicCsv");
  const rows = countClinicRows(kind, actor.clinicId);
  recordAudit(getDb(), { action: "clinic.export_csv", outcome: "success", actor, detail: { kind, rows } });
  return {
    filename: `dermaplan-clinic-${kind}-${clinicToday()}.csv`,
    header: ["patient_id", "patient_mrn", ...HEADERS[kind]],
    rows: clinicRows(kind, actor.clinicId, clinicTimeZone()),
  };
}
