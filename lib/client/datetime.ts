/** The value a datetime-local input wants for a moment, in the browser's zone (e.g. 2026-11-21T09:30). */
export function toLocalInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A datetime-local value back to an ISO instant; null when empty or not a date. */
export function fromLocalInputValue(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * A form's "when" field: the moment it was filled in, kept to the second while the person leaves the
 * minute shown unchanged, so "now" is not rounded back before a decision made seconds earlier.
 */
export function momentOf(value: string, defaultMoment: Date): string | null {
  return value === toLocalInputValue(defaultMoment) ? defaultMoment.toISOString() : fromLocalInputValue(value);
}
