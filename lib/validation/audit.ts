import { z } from "zod";
import { blankToUndefined, isoDateSchema, pageSizeSchema, pagingSchema } from "./common";

export const auditQuerySchema = z
  .object({
    patientId: z.preprocess(blankToUndefined, z.uuid({ error: "patientId must be a patient id." }).optional()),
    actorId: z.preprocess(blankToUndefined, z.uuid({ error: "actorId must be a user id." }).optional()),
    action: z.preprocess(blankToUndefined, z.string().trim().max(64).regex(/^[a-z_.]+$/, "action is an action code such as plan.decide.").optional()),
    from: z.preprocess(blankToUndefined, isoDateSchema.optional()),
    to: z.preprocess(blankToUndefined, isoDateSchema.optional()),
    /** Keyset cursor from a previous page's nextCursor: events strictly older than it. */
    before: z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z~\d+$/, "before is a nextCursor from a previous page.").optional()),
    format: z.preprocess(blankToUndefined, z.enum(["json", "csv"], { error: "format must be json or csv." }).default("json")),
    ...pagingSchema,
    pageSize: pageSizeSchema(200, 50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must be on or before to.", path: ["from"] });
export type AuditQuery = z.infer<typeof auditQuerySchema>;
