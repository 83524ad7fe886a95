/**
 * An ISO 8601 date and time with its offset, e.g. 2026-11-21T09:30:00Z or 2026-11-21T09:30+01:00.
 * Fractions beyond milliseconds (Python and Postgres send microseconds) are accepted and cut.
 */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * The instant a string names, or null. JavaScript's own parser rolls impossible times forward
 * (2026-02-30 becomes 2 March, 24:00 the next day), so the wall-clock part is parsed, written back
 * out and must come back unchanged: anything that does not round-trip is not a time.
 */
export function parseIsoInstant(value: string): Date | null {
  const match = ISO_INSTANT.exec(value);
  if (!match) return null;
  const [, date, hours, minutes, seconds = "00", fraction = "", zone, sign, offsetHours, offsetMinutes] = match;
  const wall = `${date}T${hours}:${minutes}:${seconds}`;
  const asUtc = Date.parse(`${wall}.${fraction.padEnd(3, "0").slice(0, 3)}Z`);
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 19) !== wall) return null;
  if (zone === "Z") return new Date(asUtc);
  // Every offset in use lies within 14 hours of UTC (Kiribati, +14:00, is the furthest).
  const offset = Number(offsetHours) * 60 + Number(offsetMinutes);
  if (Number(offsetMinutes) > 59 || offset > 14 * 60) return null;
  return new Date(asUtc - (sign === "-" ? -offset : offset) * 60_000);
}
