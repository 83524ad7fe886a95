/** Calendar-date helpers on YYYY-MM-DD strings, in UTC, so a date never shifts with the server's zone. */
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
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(moment)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - (moment - (moment % 1000))) / 60_000);
}

/** The instant a calendar day begins in a time zone, as an ISO string (UTC unless told otherwise). */
export function startOfDayInZone(date: IsoDate, timeZone = "UTC"): string {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // Two passes settle the offset on days when it changes (daylight saving) near midnight.
  let instant = utcMidnight - zoneOffsetMinutes(utcMidnight, timeZone) * 60_000;
  instant = utcMidnight - zoneOffsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant).toISOString();
}
