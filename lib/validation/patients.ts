import { z } from "zod";
import { PLAN_STATUSES } from "@/lib/domain/clinical";
import { emailSchema } from "./auth";
import { blankToUndefined, pageSizeSchema, pagingSchema, pastOrTodayDateSchema } from "./common";

export const PAGE_SIZE_MAX = 100;
export const ROSTER_SORTS = ["name", "reviewBy"] as const;
export const PAGE_SIZE_DEFAULT = 20;

export const patientListQuerySchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(PLAN_STATUSES, { error: "status must be one of pending, approved, denied, suspended, expired." }).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(ROSTER_SORTS, { error: "sort must be name or reviewBy." }).default("name")),
  q: z.preprocess(blankToUndefined, z.string().trim().max(100, "Search is at most 100 characters.").optional()),
  ...pagingSchema,
  pageSize: pageSizeSchema(PAGE_SIZE_MAX, PAGE_SIZE_DEFAULT),
});
export type PatientListQuery = z.infer<typeof patientListQuerySchema>;

export const patientIdSchema = z.uuid();

const mrnSchema = z
  .string({ error: "MRN is required." })
  .trim()
  .min(1, "MRN is required.")
  .max(32, "MRN is at most 32 characters.")
  .regex(/^[A-Za-z0-9-]+$/, "MRN may contain letters, digits and hyphens only.");

const dateOfBirthSchema = pastOrTodayDateSchema.refine((d) => d >= "1900-01-01", "Date of birth is before 1900.");

export const patientCreateSchema = z.object({
  name: z.string({ error: "Name is required." }).trim().min(1, "Name is required.").max(120, "Name is at most 120 characters."),
  dateOfBirth: dateOfBirthSchema,
  mrn: mrnSchema,
  skinType: z.coerce
    .number({ error: "Skin type must be a Fitzpatrick type from 1 (I) to 6 (VI)." })
    .int("Skin type must be a Fitzpatrick type from 1 (I) to 6 (VI).")
    .min(1, "Skin type must be a Fitzpatrick type from 1 (I) to 6 (VI).")
    .max(6, "Skin type must be a Fitzpatrick type from 1 (I) to 6 (VI)."),
  responsibleClinicianId: z.uuid({ error: "Choose the responsible clinician." }),
});
export type PatientCreateInput = z.infer<typeof patientCreateSchema>;

export const patientUpdateSchema = patientCreateSchema
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Send at least one field to change.");
export type PatientUpdateInput = z.infer<typeof patientUpdateSchema>;

export const portalInviteSchema = z.object({ email: emailSchema });
