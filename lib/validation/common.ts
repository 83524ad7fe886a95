import { z } from "zod";
import { addDays, isValidIsoDate, todayIso } from "@/lib/domain/dates";

export const isoDateSchema = z
  .string({ error: "Use a date in the form YYYY-MM-DD." })
  .refine(isValidIsoDate, "Use a real date in the form YYYY-MM-DD.");

/** Somewhere on Earth it is already tomorrow in UTC terms, so one day of slack keeps "today" valid everywhere. */
export const pastOrTodayDateSchema = isoDateSchema.refine((d) => d <= addDays(todayIso(), 1), "The date cannot be in the future.");

export const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} is at most ${max} characters.`)
    .nullish()
    .transform((v) => (v ? v : null));

/** Query strings and forms send "" for a field left empty: treat it as absent, so defaults apply. */
export const blankToUndefined = (v: unknown) => (v === "" || v == null ? undefined : v);

export const pagingSchema = {
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "page must be a number." }).int("page must be a whole number.").min(1, "page starts at 1.").default(1),
  ),
};

/** Lists are always bounded: a page size with a ceiling and a default. */
export const pageSizeSchema = (max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "pageSize must be a number." })
      .int("pageSize must be a whole number.")
      .min(1, "pageSize is at least 1.")
      .max(max, `pageSize is at most ${max}.`)
      .default(fallback),
  );

export const uuidSchema = z.uuid({ error: "Not a valid id." });
