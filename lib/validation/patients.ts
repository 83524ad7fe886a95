import { z } from "zod";
import { PLAN_STATUSES } from "@/lib/domain/clinical";
import { emailSchema } from "./auth";
import { blankToUndefined, calendarDateSchema, latestToday, pageSizeSchema, pagingSchema, singleLineText } from "./common";

export const PAGE_SIZE_MAX = 100;
export const ROSTER_SORTS = ["name", "reviewBy"] as const;
export const PAGE_SIZE_DEFAULT = 20;

export const patientListQuerySchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(PLAN_STATUSES, { error: "status must be one of pending, approved, denied, suspended, expired." }).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(ROSTER_SORTS, { error: "sort must be name or reviewBy." }).default("name")),
  // Tidied like the names it searches (NFC above all), or "Zoë" typed decomposed would find no one.
  q: z.preprocess(blankToUndefined, singleLineText({ label: "Search", max: 100 }).optional()),
  ...pagingSchema,
  pageSize: pageSizeSchema(PAGE_SIZE_MAX, PAGE_SIZE_DEFAULT),
});
export type PatientListQuery = z.infer<typeof patientListQuerySchema>;

export const patientIdSchema = z.uuid();

const mrnSchema = singleLineText({ label: "MRN", max: 32, required: "MRN is required." }).regex(/^[A-Za-z0-9-]+$/, "MRN may contain letters, digits and hyphens only.");

const dateOfBirthSchema = calendarDateSchema({
  required: "Date of birth is required.",
  earliest: { at: "1900-01-01", message: "Date of birth is before 1900." },
  latest: { at: latestToday, message: "Date of birth cannot be in the future." },
});

/** A phone number as people write it: digits with spaces, dots, hyphens, brackets and a leading +. */
export const phoneSchema = singleLineText({ label: "Phone", max: 32 }).regex(/^\+?[0-9 ().-]{5,31}$/, "Enter a phone number: digits, spaces, brackets, dots or hyphens, with an optional leading +.");

export const patientCreateSchema = z.object({
  name: singleLineText({ label: "Name", max: 120, required: "Name is required." }),
  dateOfBirth: dateOfBirthSchema,
  mrn: mrnSchema,
  skinType: z.coerce
    .number({ error: "Skin type must be a Fitzpatrick type from 1 (I) to 6 (VI)." })
    .int("Skin type must be a Fitzpatrick type from 1 (I) to 6 (VI).")
    .min(1, "Skin type must be a Fitzpatrick type from 1 (I) to 6 (VI).")
    .max(6, "Skin type must be a Fitzpatrick type from 1 (I) to 6 (VI)."),
  responsibleClinicianId: z.uuid({ error: "Choose the responsible clinician." }),
  /** How staff reach a patient who has no portal access (a pause must be told by phone). */
  // Blank clears it (null); absent leaves it as it is on an edit.
  phone: z.preprocess((v) => (v === "" ? null : v), phoneSchema.nullish()),
});
export type PatientCreateInput = z.infer<typeof patientCreateSchema>;

export const patientUpdateSchema = patientCreateSchema
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Send at least one field to change.");
export type PatientUpdateInput = z.infer<typeof patientUpdateSchema>;

export const portalInviteSchema = z.object({ email: emailSchema });
