import { z } from "zod";
import { AREAS, DEVICES, MAX_REPORTABLE_NEEDLE_MM } from "@/lib/domain/clinical";
import { SYMPTOM_CODES } from "@/lib/domain/reactions";
import { blankToUndefined, CLOCK_SKEW_MS, instantSchema, multiLineText, optionalText, pageSizeSchema, pagingSchema } from "./common";

const MAX_AGE_MS = 366 * 86_400_000;

/** When a session took place or a reaction was noticed: the past year, never the future. */
const reportTime = (what: string) =>
  instantSchema({
    earliest: { at: () => Date.now() - MAX_AGE_MS, message: `${what} is more than a year ago.` },
    latest: { at: () => Date.now() + CLOCK_SKEW_MS, message: `${what} cannot be in the future.` },
  });

/**
 * A missing answer gets the words a patient reads next to the field; a wrong value (only an API client
 * can send one) gets the exact contract.
 */
const missingOr = (missing: string, wrong: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null || issue.input === "" ? missing : wrong;

const notes = optionalText(2000, "notes");

export const sessionReportSchema = z.object({
  performedAt: reportTime("The session time"),
  area: z.enum(AREAS, { error: missingOr("Choose the area.", `area must be one of ${AREAS.join(", ")}.`) }),
  needleMm: z
    .number({ error: missingOr("Choose the needle length.", "needleMm must be a number of millimetres.") })
    .finite()
    .positive("needleMm must be more than 0.")
    .max(MAX_REPORTABLE_NEEDLE_MM, `needleMm must be at most ${MAX_REPORTABLE_NEEDLE_MM} mm.`),
  device: z.enum(DEVICES, { error: missingOr("Choose the device.", `device must be one of ${DEVICES.join(", ")}.`) }),
  sanitized: z.boolean({ error: missingOr("Answer yes or no.", "sanitized must be true or false.") }),
  patchTestDone: z.boolean({ error: "patchTestDone must be true or false." }).nullish().transform((v) => v ?? null),
  notes,
});
export type SessionReportInput = z.infer<typeof sessionReportSchema>;

const reactionReportFields = z.object({
  reportedAt: reportTime("The time you noticed it"),
  /** The session the reaction follows; or give `area` and the latest session there before `reportedAt` is used. */
  sessionId: z
    .uuid({ error: "sessionId must be one of your sessions." })
    .nullish()
    .transform((v) => v ?? null),
  area: z
    .enum(AREAS, { error: `area must be one of ${AREAS.join(", ")}.` })
    .nullish()
    .transform((v) => v ?? null),
  symptoms: z
    .array(
      z.object({
        symptom: z.enum(SYMPTOM_CODES, { error: `symptom must be one of ${SYMPTOM_CODES.join(", ")}.` }),
        grade: z.number({ error: "grade must be 0, 1, 2 or 3." }).int("grade must be 0, 1, 2 or 3.").min(0, "grade must be 0, 1, 2 or 3.").max(3, "grade must be 0, 1, 2 or 3."),
      }),
    )
    .min(1, "Report at least one symptom.")
    .max(SYMPTOM_CODES.length, "Each symptom may be reported once.")
    .refine((list) => new Set(list.map((s) => s.symptom)).size === list.length, "Each symptom may be reported once."),
  notes,
});

export const reactionReportSchema = reactionReportFields.refine((r) => r.sessionId !== null || r.area !== null, {
  path: ["area"],
  message: "Say where the reaction is: the area (or the session it follows).",
});
export type ReactionReportInput = z.infer<typeof reactionReportSchema>;

/** Run a form check even when other fields failed, unless this field itself did. */
const untouched = (field: string) => ({ when: (payload: { issues: readonly { path?: PropertyKey[] }[] }) => payload.issues.every((i) => i.path?.[0] !== field) });

/**
 * What the report form asks beyond the API: the area always (a reaction linked to the latest session
 * anywhere once hid a face reaction behind a neck session) and at least one symptom graded. Checked
 * with the rest of the answers, so every field's message shows at once.
 */
export const reactionFormSchema = reactionReportFields
  .refine((r) => r.area !== null, { path: ["area"], message: "Choose where the reaction is.", ...untouched("area") })
  .refine((r) => r.symptoms.some((s) => s.grade > 0), { path: ["symptoms"], message: "Choose how strong at least one symptom is.", ...untouched("symptoms") });

export const REVIEW_SCOPES = ["mine", "clinic"] as const;
export type ReviewScope = (typeof REVIEW_SCOPES)[number];

/**
 * `mine`: reports of the patients the clinician is responsible for (a clinician's default); `clinic`:
 * every report of the clinic (an admin's default), so a colleague can cover for someone away.
 */
export const reviewQueueQuerySchema = z.object({
  scope: z.preprocess(blankToUndefined, z.enum(REVIEW_SCOPES, { error: "scope must be mine or clinic." }).optional()),
  ...pagingSchema,
  pageSize: pageSizeSchema(100, 50),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

export const reportListQuerySchema = z.object({ ...pagingSchema, pageSize: pageSizeSchema(100, 20) });

export const ALERT_PAGE_SIZE_MAX = 100;

/** Alert kinds are rule codes such as off_plan_session. */
const alertKindSchema = z.string().trim().regex(/^[a-z_]{1,64}$/, "kind is an alert code such as off_plan_session.");

export const alertListQuerySchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(["open", "acknowledged", "resolved"], { error: "status must be open, acknowledged or resolved." }).default("open")),
  patientId: z.preprocess(blankToUndefined, z.uuid({ error: "patientId must be a patient id." }).optional()),
  kind: z.preprocess(blankToUndefined, alertKindSchema.optional()),
  ...pagingSchema,
  pageSize: pageSizeSchema(ALERT_PAGE_SIZE_MAX, 50),
});
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

export const alertGroupQuerySchema = z.object({ ...pagingSchema, pageSize: alertListQuerySchema.shape.pageSize });

/**
 * One action on every open alert of a patient and kind up to `upTo`, the newest alert the clinician
 * saw: an alert raised after the page was loaded is never closed unseen.
 */
export const alertGroupActionSchema = z
  .object({
    patientId: z.uuid({ error: "patientId must be a patient id." }),
    kind: alertKindSchema,
    // Never ahead of now: a later upTo would close alerts raised after the clinician looked.
    upTo: instantSchema({
      earliest: { at: Date.parse("2000-01-01T00:00:00Z"), message: "upTo is the time of the newest alert you saw." },
      latest: { at: () => Date.now() + CLOCK_SKEW_MS, message: "upTo is the time of the newest alert you saw, which cannot be in the future." },
    }),
    action: z.enum(["acknowledge", "resolve"], { error: "action must be acknowledge or resolve." }),
    note: multiLineText({ label: "The note", max: 2000 }).optional(),
  })
  .refine((a) => a.action !== "resolve" || Boolean(a.note), { path: ["note"], message: "Write a resolution note." });
export type AlertGroupAction = z.infer<typeof alertGroupActionSchema>;

export const alertResolveSchema = z.object({
  note: multiLineText({ label: "The note", max: 2000, required: "Write a resolution note." }),
  suspendPlan: z.boolean().optional().default(false),
});

export const reviewSignOffSchema = z.object({
  kind: z.enum(["session", "reaction"]),
  id: z.uuid(),
});
