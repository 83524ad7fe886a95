import type { z } from "zod";
import { ValidationError, type FieldIssue } from "@/lib/errors";

/**
 * One issue per field, the first (as forms show it), and at most this many fields: a 64 kB body of
 * thousands of bad list items must not buy a reply of megabytes.
 */
export const MAX_FIELD_ISSUES = 50;

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  const byPath = new Map<string, FieldIssue>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (!byPath.has(path)) byPath.set(path, { path, message: issue.message });
    if (byPath.size === MAX_FIELD_ISSUES) break;
  }
  return [...byPath.values()];
}

/** Parses with a shared schema and turns failures into a 400 that names each field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = toFieldIssues(result.error);
    const fields = [...new Set(issues.map((i) => i.path || "body"))].join(", ");
    throw new ValidationError(`Invalid input: ${fields}.`, issues);
  }
  return result.data;
}
