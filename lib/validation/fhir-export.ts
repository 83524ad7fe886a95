import { z } from "zod";

/** The resource types a clinic export holds, one NDJSON file each, in the order the zip lists them. */
export const BULK_TYPES = ["Organization", "Practitioner", "Patient", "CarePlan", "DeviceRequest", "Provenance", "Procedure", "Observation", "AdverseEvent"] as const;
export type BulkType = (typeof BULK_TYPES)[number];

/** `?type=Patient` answers that one NDJSON file (Bulk Data's `_type`, one at a time); none: the zip of all. */
export const clinicExportQuerySchema = z.object({
  type: z.enum(BULK_TYPES, { error: `type must be one of ${BULK_TYPES.join(", ")}.` }).optional(),
});
export type ClinicExportQuery = z.infer<typeof clinicExportQuerySchema>;

export const patientExportQuerySchema = z.object({
  download: z.enum(["1"], { error: "download must be 1 when given." }).optional(),
});
