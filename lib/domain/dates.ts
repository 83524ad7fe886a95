/**
 * The clinic calendar: every "which day is it" and "show this time" rule lives here.
 * - A calendar date (birth date, review-by date) is a YYYY-MM-DD string; its arithmetic runs in UTC so
 *   a date never shifts with the server's zone.
 * - A moment (a session, an audit event) is an ISO instant; the day it falls on, and how it is shown,
 *   are taken in the clinic's time zone (CLINIC_TIME_ZONE), with the zone named.
 * - "N days" between sessions, plan expiry and audit ranges are counted in clinic days, so a daylight-
 *   saving change (a 23- or 25-hour day) moves nothing.
 */
export type IsoDate = string;

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** The calendar date of a moment in a time zone (IANA name); UTC unless told otherwise. */
export function dateInZone(moment: Date | string, timeZone = "UTC"): IsoDate {
  const date = typeof moment === "string" ? new Date(moment) : moment;
  return calendarDateFormat(timeZone).format(date);
}

// One formatter per zone: constructing Intl.DateTimeFormat costs far more than formatting with it.
const calendarDateFormats = new Map<string, Intl.DateTimeFormat>();
function calendarDateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = calendarDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    calendarDateFormats.set(timeZone, format);
  }
  return format;
}

export function todayIso(now = new Date(), timeZone = "UTC"): IsoDate {
  return dateInZone(now, timeZone);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return toIsoDate(target);
}

/** Minutes the zone is ahead of UTC at a moment (e.g. -300 for New York in winter). */
function zoneOffsetMinutes(moment: number, timeZone: string): number {
  // UTC has no offset: the common case (and every test server) skips Intl altogether.
  if (timeZone === "UTC") return 0;
  const format = cachedFormat(`offset:${timeZone}`, () =>
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }),
  );
  const parts = Object.fromEntries(format.formatToParts(moment).map((p) => [p.type, Number(p.value)])) as Record<string, number>;
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - (moment - (moment % 1000))) / 60_000);
}

/** The instant a calendar day begins in a time zone, as an ISO string (UTC unless told otherwise). */
export function startOfDayInZone(date: IsoDate, timeZone = "UTC"): string {
  return wallTimeToInstant(`${date}T00:00`, timeZone)!;
}

/**
 * A wall-clock time in a zone ("2026-10-25T01:30", as a datetime-local input holds it) to its instant;
 * null when it is not a time. A time skipped by a spring-forward change lands after the change.
 */
export function wallTimeToInstant(wall: string, timeZone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match || !isValidIsoDate(match[1]!)) return null;
  const asUtc = Date.parse(`${wall}:00Z`);
  // Date.parse rolls 24:00 into the next day: a wall time must come back as it was written.
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 16) !== wall) return null;
  // Two passes settle the offset on days when it changes (daylight saving) near that time.
  let instant = asUtc - zoneOffsetMinutes(asUtc, timeZone) * 60_000;
  instant = asUtc - zoneOffsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** A moment as a datetime-local input shows it in a zone, e.g. "2026-11-21T09:30". */
export function instantToWallTime(moment: Date, timeZone: string): string {
  const parts = Object.fromEntries(wallTimeFormat(timeZone).formatToParts(moment).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const wallTimeFormats = new Map<string, Intl.DateTimeFormat>();
function wallTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    wallTimeFormats.set(timeZone, format);
  }
  return format;
}

/** Whole calendar days from one date to a later one (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The instants bounding clinic days `from`..`to` (both included): [since, until). A `to` on the last
 * day ISO strings can write (9999-12-31) means "no end": the day after it would not sort as text.
 */
export function clinicDayRange(range: { from?: IsoDate; to?: IsoDate }, timeZone: string): { since?: string; until?: string } {
  const endless = !range.to || range.to >= "9999-12-31";
  return {
    since: range.from ? startOfDayInZone(range.from, timeZone) : undefined,
    until: endless ? undefined : startOfDayInZone(addDays(range.to!, 1), timeZone),
  };
}

/** Whole years between a birth date and a calendar day (the clinic's today). */
export function ageOn(dateOfBirth: IsoDate, today: IsoDate): number {
  const [y, m, d] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

const formats = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** A calendar date as people read it, e.g. "14 Mar 1988": no zone, it is a date, not a moment. */
export function formatCalendarDate(date: IsoDate): string {
  const format = cachedFormat("date", () => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }));
  return format.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/** A calendar date without its year, e.g. "3 Mar", for chart axes and week labels. */
export function formatDayMonth(date: IsoDate): string {
  const format = cachedFormat("day-month", () => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }));
  return format.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/** The clinic day a moment falls on, as people read it ("8 Jul 2026", or "Wed 8 Jul 2026" with the weekday). */
export function formatClinicDay(moment: string, timeZone: string, withWeekday = false): string {
  const day = dateInZone(moment, timeZone);
  if (!withWeekday) return formatCalendarDate(day);
  const format = cachedFormat("weekday", () => new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }));
  return format.format(new Date(`${day}T00:00:00Z`)).replace(",", "");
}

/** A moment in the clinic's zone with the zone named, e.g. "21 Nov 2026, 09:30 GMT". */
export function formatClinicDateTime(moment: string, timeZone: string): string {
  const format = cachedFormat(`datetime:${timeZone}`, () =>
    new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }),
  );
  return format.format(new Date(moment));
}
