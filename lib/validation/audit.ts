import { z } from "zod";
import { AUDIT_SCOPES } from "@/lib/domain/audit-actions";
import { blankToUndefined, calendarDateSchema, pageSizeSchema, pagingSchema } from "./common";

// A filter, not a record: a range beyond the log simply finds nothing, and 9999-12-31 is how a
// client says "no end" (lib/domain/dates.ts clinicDayRange), so only the date's reality is checked.
const dayFilter = calendarDateSchema();

export const auditQuerySchema = z
  .object({
    patientId: z.preprocess(blankToUndefined, z.uuid({ error: "patientId must be a patient id." }).optional()),
    actorId: z.preprocess(blankToUndefined, z.uuid({ error: "actorId must be a user id." }).optional()),
    action: z.preprocess(blankToUndefined, z.string().trim().max(64).regex(/^[a-z_.]+$/, "action is an action code such as plan.decide.").optional()),
    from: z.preprocess(blankToUndefined, dayFilter.optional()),
    to: z.preprocess(blankToUndefined, dayFilter.optional()),
    /** Keyset cursor from a previous page's nextCursor: events strictly older than it. */
    before: z.preprocess(blankToUndefined, z.string().max(64, "before is a nextCursor from a previous page.").regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z~\d+$/, "before is a nextCursor from a previous page.").optional()),
    /** Whose events: the clinic's, the installation-wide sign-in failures for unknown emails, or both. */
    scope: z.preprocess(blankToUndefined, z.enum(AUDIT_SCOPES, { error: "scope must be all, clinic or installation." }).default("all")),
    format: z.preprocess(blankToUndefined, z.enum(["json", "csv"], { error: "format must be json or csv." }).default("json")),
    ...pagingSchema,
    pageSize: pageSizeSchema(200, 50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must be on or before to.", path: ["from"] });
export type AuditQuery = z.infer<typeof auditQuerySchema>;
