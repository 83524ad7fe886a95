import type { FieldErrors, PlacedIssue } from "@/lib/client/use-schema-form";

export type { FieldErrors };

/**
 * Settings errors stay keyed by their full dotted path (`intervalFloors.2.minDays`), so each floor,
 * class and rule shows its own message; an issue about the whole input is the form's.
 */
export const settingsFieldOf = ({ path }: PlacedIssue) => path || "form";

/** The message for a field or anything under it (`intervalFloors` covers `intervalFloors.2.minDays`). */
export function errorFor(errors: FieldErrors, path: string): string | undefined {
  return Object.entries(errors).find(([key]) => key === path || key.startsWith(`${path}.`))?.[1];
}
