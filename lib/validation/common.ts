import { z } from "zod";
import { addDays, isValidIsoDate, ISO_DATE, todayIso, type IsoDate } from "@/lib/domain/dates";
import { textProblem, tidyText, type TextLines, type TextProblem } from "@/lib/domain/text";
import { parseIsoInstant } from "./iso-instant";

/*
 * Every date, time and piece of free text any schema accepts is built here, so one rule answers
 * everywhere (forms and API alike) and no message ever repeats what was sent.
 */

type Limit<T> = { at: T | (() => T); message: string };
const resolve = <T>(at: T | (() => T)): T => (typeof at === "function" ? (at as () => T)() : at);

/** Somewhere on Earth it is already tomorrow in UTC terms, so one day of slack keeps "today" valid everywhere. */
export const latestToday = (): IsoDate => addDays(todayIso(), 1);

/** A calendar date (YYYY-MM-DD) that exists (no 30 February), within the field's plausible span. */
export function calendarDateSchema(limits: { required?: string; earliest?: Limit<IsoDate>; latest?: Limit<IsoDate> } = {}) {
  const required = limits.required ?? "Give the date.";
  return z.string({ error: required }).superRefine((value, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: "custom", message });
    if (value === "") return fail(required);
    if (!ISO_DATE.test(value)) return fail("Use a date in the form YYYY-MM-DD.");
    if (!isValidIsoDate(value)) return fail("Use a real date.");
    if (limits.earliest && value < resolve(limits.earliest.at)) return fail(limits.earliest.message);
    if (limits.latest && value > resolve(limits.latest.at)) return fail(limits.latest.message);
  });
}

/** Phone and server clocks differ a little; more than this ahead is "in the future". */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * An instant (ISO date and time with its offset) that exists, within the field's span; stored as UTC
 * (2026-11-21T09:30:00.000Z), the form every instant in the database has, so they sort as text.
 */
export function instantSchema(limits: { earliest?: Limit<number>; latest?: Limit<number> } = {}) {
  const required = "Give the date and time.";
  return z
    .string({ error: required })
    .superRefine((value, ctx) => {
      const fail = (message: string) => ctx.addIssue({ code: "custom", message });
      if (value === "") return fail(required);
      const moment = parseIsoInstant(value)?.getTime();
      if (moment === undefined) return fail("Use a real date and time, with its offset (e.g. 2026-11-21T09:30:00Z).");
      if (limits.earliest && moment < resolve(limits.earliest.at)) return fail(limits.earliest.message);
      if (limits.latest && moment > resolve(limits.latest.at)) return fail(limits.latest.message);
    })
    .transform((value) => parseIsoInstant(value)!.toISOString());
}

// Shown next to the field, so they need not name it; the path names it for an API client.
const PROBLEM_MESSAGES: Record<TextProblem, string> = {
  line_break: "Keep this on one line.",
  control: "This contains hidden control characters. Type it again rather than pasting it.",
  bidi: "This contains hidden text-direction characters, which can disguise what it says. Type it again rather than pasting it.",
};

type TextOptions = {
  /** Names the field when something other than text is sent: "Name must be text." */
  label: string;
  max: number;
  /** The message for a missing or empty value; without it the schema accepts "" (see optionalText). */
  required?: string;
};

/**
 * Free text as stored: tidied (lib/domain/text.ts: NFC, harmless invisibles stripped, trimmed), then
 * refused if it holds characters that would change what a reader sees, and capped in length.
 */
function textSchema(lines: TextLines, { label, max, required }: TextOptions) {
  const schema = z
    .string({ error: (issue) => (issue.input == null && required ? required : `${label} must be text.`) })
    .overwrite(tidyText)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, lines);
      if (problem) ctx.addIssue({ code: "custom", message: PROBLEM_MESSAGES[problem] });
    })
    .max(max, `Use at most ${max} characters.`);
  return required ? schema.min(1, required) : schema;
}

/** A name, an MRN, an area code, a search: one line. */
export const singleLineText = (options: TextOptions) => textSchema("single", options);

/** Notes and instructions: line breaks and tabs allowed. */
export const multiLineText = (options: TextOptions) => textSchema("multi", options);

/** Optional notes: absent, null and blank (once tidied) are all stored as null. */
export const optionalText = (max: number, label: string) =>
  multiLineText({ label, max })
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
