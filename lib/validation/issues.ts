import type { z } from "zod";
import { ValidationError, type FieldIssue } from "@/lib/errors";

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
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
