import { instantToWallTime, wallTimeToInstant } from "@/lib/domain/dates";

/**
 * A form's "when" field holds a wall-clock time in the clinic's zone (lib/domain/dates.ts), the same
 * calendar every time in the product is shown on.
 */
export function toInputValue(date: Date, timeZone: string): string {
  return instantToWallTime(date, timeZone);
}

/** A datetime-local value back to an ISO instant; null when empty or not a time. */
export function fromInputValue(value: string, timeZone: string): string | null {
  return value ? wallTimeToInstant(value, timeZone) : null;
}

/**
 * The moment a "when" field stands for: the moment it was filled in, kept to the second while the
 * person leaves the minute shown unchanged, so "now" is not rounded back before a decision made seconds earlier.
 */
export function momentOf(value: string, defaultMoment: Date, timeZone: string): string | null {
  return value === toInputValue(defaultMoment, timeZone) ? defaultMoment.toISOString() : fromInputValue(value, timeZone);
}

/** Said under a "when" field only for someone whose device is set to another zone than the clinic's. */
export function zoneHint(timeZone: string, deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone): string | undefined {
  return deviceZone === timeZone ? undefined : `Times are in your clinic's time zone (${timeZone.replace(/_/g, " ")}).`;
}
