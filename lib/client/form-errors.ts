/** One message per top-level field, from zod issues or the API's `issues`, for inline form errors. */
export function fieldErrors(issues: { path: PropertyKey[] | string; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = typeof issue.path === "string" ? (issue.path.split(".")[0] ?? "") : String(issue.path[0] ?? "");
    errors[key] ??= issue.message;
  }
  return errors;
}
