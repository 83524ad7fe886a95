import type { Rng } from "./random";

/** Moments are epoch milliseconds while generating and ISO-8601 UTC strings in the database. */
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => pad(i, 2));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => pad(i, 3));
const dayPrefixes = new Map<number, string>();

/**
 * `new Date(ms).toISOString()` for the years this data spans, built from cached day prefixes: the
 * generator formats a few million timestamps and Date formatting was a sixth of its time.
 */
export function iso(ms: number): string {
  const whole = Math.floor(ms);
  const day = Math.floor(whole / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = whole - day * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  rest -= minutes * MINUTE;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}Z`;
}

export const isoDate = (ms: number) => iso(ms).slice(0, 10);
export const startOfDay = (ms: number) => ms - (ms % DAY);
/** The instant a YYYY-MM-DD day ends (the next midnight, UTC, the clinic's default time zone). */
export const endOfDate = (date: string) => Date.parse(`${date}T00:00:00.000Z`) + DAY;

/**
 * Clinic work (screenings, decisions, sign-offs) happens in office hours, 09:00–16:59; patients
 * microneedle in the evening, 18:00–22:59. The two never share a minute, so no session is judged
 * against a decision taken in the same minute (lib/data/internal/plan-in-force.ts's grace rule).
 */
export function officeHours(rng: Rng, dayMs: number): number {
  return startOfDay(dayMs) + 9 * HOUR + rng.int(0, 8 * 60 - 1) * MINUTE + rng.int(0, 59) * 1000;
}

export function evening(rng: Rng, dayMs: number): number {
  return startOfDay(dayMs) + 18 * HOUR + rng.int(0, 5 * 60 - 1) * MINUTE;
}

/** The first office-hours moment at or after `ms`. */
export function nextOfficeMoment(rng: Rng, ms: number): number {
  const candidate = officeHours(rng, ms);
  return candidate >= ms ? candidate : officeHours(rng, ms + DAY);
}
