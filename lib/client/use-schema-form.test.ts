import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors, issuePath } from "./use-schema-form";

describe("placing issues on fields", () => {
  const schema = z.object({ name: z.string({ error: "Write the name." }), areas: z.array(z.object({ mm: z.number({ error: "Choose the length." }) })) });

  it("reads zod's array paths and the API's dotted paths the same way", () => {
    const zodIssues = schema.safeParse({ areas: [{ mm: 0.5 }, {}] }).error!.issues;
    expect(zodIssues.map(issuePath)).toEqual(["name", "areas.1.mm"]);
    const fromServer = [{ path: "name", message: "Write the name." }, { path: "areas.1.mm", message: "Choose the length." }];
    expect(fieldErrors(zodIssues)).toEqual(fieldErrors(fromServer));
    expect(fieldErrors(fromServer)).toEqual({ name: "Write the name.", areas: "Choose the length." });
  });

  it("keeps the first message of a field and lets a form route an issue by its rule", () => {
    const issues = [
      { path: "screening", message: "Screen the patient first.", rule: "screening_stale" },
      { path: "areas.0.mm", message: "First." },
      { path: "areas.1.mm", message: "Second." },
    ];
    const errors = fieldErrors(issues, (i) => (i.rule === "screening_stale" ? "screeningStale" : i.path.split(".")[0]!));
    expect(errors).toEqual({ screeningStale: "Screen the patient first.", areas: "First." });
  });
});
