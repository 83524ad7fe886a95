import type { FieldIssue } from "@/lib/errors";

export type FieldErrors = Record<string, string>;

/** Issues keyed by their dotted path (the server's `issues[].path`, or a zod path joined the same way). */
export function toFieldErrors(issues: FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path || "form"] ??= issue.message;
  return errors;
}

/** The message for a field or anything under it (`intervalFloors` covers `intervalFloors.2.minDays`). */
export function errorFor(errors: FieldErrors, path: string): string | undefined {
  return Object.entries(errors).find(([key]) => key === path || key.startsWith(`${path}.`))?.[1];
}
