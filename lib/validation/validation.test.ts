import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { auditQuerySchema } from "./audit";
import { loginSchema, userCreateSchema } from "./auth";
import { parseOrThrow } from "./issues";
import { patientListQuerySchema } from "./patients";

describe("patientListQuerySchema", () => {
  it("defaults to the first page of 20", () => {
    expect(patientListQuerySchema.parse({})).toEqual({ q: undefined, status: undefined, sort: "name", page: 1, pageSize: 20 });
    expect(patientListQuerySchema.parse({ q: "", page: "", pageSize: "" })).toEqual({ q: undefined, status: undefined, sort: "name", page: 1, pageSize: 20 });
  });

  it("coerces query-string numbers and trims the search", () => {
    expect(patientListQuerySchema.parse({ q: "  lee ", page: "3", pageSize: "100" })).toEqual({ q: "lee", status: undefined, sort: "name", page: 3, pageSize: 100 });
  });

  it.each([
    [{ pageSize: "101" }, "pageSize"],
    [{ pageSize: "0" }, "pageSize"],
    [{ page: "0" }, "page"],
    [{ page: "1.5" }, "page"],
    [{ page: "abc" }, "page"],
    [{ q: "x".repeat(101) }, "q"],
  ])("refuses %j naming %s", (input, field) => {
    const result = patientListQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});

describe("loginSchema", () => {
  it("normalises the email", () => {
    expect(loginSchema.parse({ email: "  Rivera@Northside.TEST ", password: "x" }).email).toBe("rivera@northside.test");
  });

  it("requires both fields", () => {
    expect(loginSchema.safeParse({ email: "a@b.test", password: "" }).success).toBe(false);
    expect(loginSchema.safeParse({ email: "not-an-email", password: "x" }).success).toBe(false);
  });
});

describe("userCreateSchema", () => {
  const valid = { email: "a@b.test", name: "A", role: "admin", clinic: "C", password: "twelve-chars" };

  it("accepts a 12-character password for staff", () => {
    expect(userCreateSchema.parse(valid).role).toBe("admin");
  });

  it("refuses short passwords and the patient role", () => {
    expect(userCreateSchema.safeParse({ ...valid, password: "eleven-char" }).success).toBe(false);
    expect(userCreateSchema.safeParse({ ...valid, role: "patient" }).success).toBe(false);
  });
});

describe("parseOrThrow", () => {
  it("throws a 400 that names every bad field", () => {
    try {
      parseOrThrow(patientListQuerySchema, { page: "0", pageSize: "500" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const validation = error as ValidationError;
      expect(validation.status).toBe(400);
      expect(validation.message).toBe("Invalid input: page, pageSize.");
      expect(validation.issues?.map((i) => i.path)).toEqual(["page", "pageSize"]);
    }
  });
});

describe("the report forms' wording lives in the schemas", () => {
  it("asks for every missing answer of a session in words a patient reads", async () => {
    const { sessionReportSchema } = await import("./reports");
    const issues = sessionReportSchema.safeParse({ performedAt: new Date().toISOString() }).error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual([
      ["area", "Choose the area."],
      ["needleMm", "Choose the needle length."],
      ["device", "Choose the device."],
      ["sanitized", "Answer yes or no."],
    ]);
    // An API client sending a wrong value gets the exact contract.
    expect(sessionReportSchema.safeParse({ area: "elbow" }).error!.issues.find((i) => i.path[0] === "area")!.message).toMatch(/^area must be one of face/);
  });

  it("shows the reaction form's own rules together with the other fields' errors", async () => {
    const { reactionFormSchema, reactionReportSchema } = await import("./reports");
    const blank = { reportedAt: "not a time", area: null, sessionId: null, symptoms: [{ symptom: "erythema", grade: 0 }] };
    const messages = Object.fromEntries(reactionFormSchema.safeParse(blank).error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({ area: "Choose where the reaction is.", symptoms: "Choose how strong at least one symptom is." });
    expect(messages.reportedAt).toBeDefined();
    // The API itself accepts a session instead of an area, and an all-clear report.
    const viaSession = { reportedAt: new Date().toISOString(), sessionId: crypto.randomUUID(), symptoms: [{ symptom: "erythema", grade: 0 }] };
    expect(reactionReportSchema.safeParse(viaSession).success).toBe(true);
  });
});

describe("auditQuerySchema scope", () => {
  it("shows the clinic's events and the installation-wide ones unless asked for one of them", () => {
    expect(auditQuerySchema.parse({}).scope).toBe("all");
    expect(auditQuerySchema.parse({ scope: "" }).scope).toBe("all");
    expect(auditQuerySchema.parse({ scope: "installation" }).scope).toBe("installation");
    const refused = auditQuerySchema.safeParse({ scope: "everything" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("scope must be all, clinic or installation.");
  });
});
