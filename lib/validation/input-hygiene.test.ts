import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { SCREENING_ITEMS } from "@/lib/domain/clinical";
import { AppError, MAX_MESSAGE_CHARS, ValidationError } from "@/lib/errors";
import { DEMO_ACCOUNTS, generatedPatients, NAMED_PATIENTS } from "@/lib/seed/demo-data";
import { DEMO_TEMPLATES, STANDARD_INSTRUCTIONS } from "@/lib/seed/clinical-data";
import { auditQuerySchema } from "./audit";
import { userCreateSchema } from "./auth";
import { MAX_FIELD_ISSUES, parseOrThrow, toFieldIssues } from "./issues";
import { patientCreateSchema, patientListQuerySchema } from "./patients";
import { planDecisionSchema, planTemplateSchema } from "./plans";
import { alertGroupActionSchema, alertResolveSchema, reactionReportSchema, sessionReportSchema } from "./reports";
import { screeningSchema } from "./screening";
import { staffInviteSchema } from "./staff";

// Every field that takes text or a date, with a body that is valid apart from it: a new field
// belongs in these tables, so it gets the same checks.
const NOW = "2026-06-15T12:00:00.000Z";
const uuid = "0b7c8f5e-4a1d-4c2e-9f3a-1d2e3f4a5b6c";
const area = [{ area: "face", maxNeedleMm: 0.5 }];
const bodies = {
  patient: [patientCreateSchema, { name: "Zoë Ó Briain", dateOfBirth: "1988-03-14", mrn: "NS-1", skinType: 3, responsibleClinicianId: uuid }],
  roster: [patientListQuerySchema, { q: "lee" }],
  staffInvite: [staffInviteSchema, { email: "a@b.test", name: "Dr. Li", role: "clinician" }],
  userCreate: [userCreateSchema, { email: "a@b.test", name: "Dr. Li", role: "admin", clinic: "Northside", password: "twelve-chars" }],
  plan: [
    planDecisionSchema,
    { baseVersion: 0, decision: "approved", areas: area, minIntervalDays: 7, reviewBy: "2026-09-01", instructions: "Sanitize.", reason: "r", contraindicationOverride: "c", intervalOverrideReason: "i" },
  ],
  template: [planTemplateSchema, { name: "Face", areas: area, minIntervalDays: 7, instructions: "Sanitize." }],
  session: [sessionReportSchema, { performedAt: "2026-06-15T10:00:00Z", area: "face", needleMm: 0.5, device: "pen", sanitized: true, notes: "ok" }],
  reaction: [reactionReportSchema, { reportedAt: "2026-06-15T10:00:00Z", area: "face", symptoms: [{ symptom: "erythema", grade: 1 }], notes: "ok" }],
  alertGroup: [alertGroupActionSchema, { patientId: uuid, kind: "off_plan_session", upTo: "2026-06-15T11:00:00Z", action: "resolve", note: "Called." }],
  alertResolve: [alertResolveSchema, { note: "Called." }],
  screening: [screeningSchema, { answers: SCREENING_ITEMS.map((i) => ({ item: i.code, answer: false, date: "2026-01-10" })) }],
  audit: [auditQuerySchema, { from: "2026-01-01", to: "2026-06-01" }],
} satisfies Record<string, [z.ZodType, Record<string, unknown>]>;
type Body = keyof typeof bodies;

const singleLine: [Body, string][] = [
  ["patient", "name"], ["patient", "mrn"], ["roster", "q"], ["staffInvite", "name"], ["userCreate", "name"], ["userCreate", "clinic"],
  ["plan", "areas.0.area"], ["template", "name"], ["template", "areas.0.area"],
];
const multiLine: [Body, string][] = [
  ["plan", "instructions"], ["plan", "reason"], ["plan", "contraindicationOverride"], ["plan", "intervalOverrideReason"], ["template", "instructions"],
  ["session", "notes"], ["reaction", "notes"], ["alertGroup", "note"], ["alertResolve", "note"],
];
const calendarDates: [Body, string][] = [["patient", "dateOfBirth"], ["plan", "reviewBy"], ["screening", "answers.1.date"], ["audit", "from"], ["audit", "to"]];
const instants: [Body, string][] = [["session", "performedAt"], ["reaction", "reportedAt"], ["alertGroup", "upTo"]];

function withField(body: Body, path: string, value: unknown): unknown {
  const copy = structuredClone(bodies[body][1]) as Record<string, unknown>;
  const keys = path.split(".");
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, copy);
  parent[keys.at(-1)!] = value;
  return copy;
}
const parse = (body: Body, path: string, value: unknown) => bodies[body][0].safeParse(withField(body, path, value));
const issueAt = (body: Body, path: string, value: unknown) => {
  const result = parse(body, path, value);
  return result.success ? undefined : toFieldIssues(result.error).find((i) => i.path === path);
};
const valueAt = (body: Body, path: string, value: unknown) => {
  const result = parse(body, path, value);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], result.data);
};

beforeEach(() => vi.useFakeTimers({ now: new Date(NOW), toFake: ["Date"] }));
afterEach(() => vi.useRealTimers());

describe("the valid bodies", () => {
  it.each(Object.keys(bodies) as Body[])("%s parses, so every refusal below is the field's own", (body) => {
    expect(bodies[body][0].safeParse(bodies[body][1]).error?.issues).toBeUndefined();
  });
});

describe.each([...singleLine, ...multiLine])("text field %s.%s", (body, path) => {
  it("strips invisible characters", () => {
    expect(valueAt(body, path, "\ufeffAB-1\u200b")).toBe("AB-1");
  });


  it("refuses bidi overrides and isolates", () => {
    expect(issueAt(body, path, "ok \u202egnp.exe")?.message).toMatch(/hidden text-direction characters/);
    expect(issueAt(body, path, "ok \u2067x\u2069")?.message).toMatch(/hidden text-direction characters/);
  });

  it("refuses control characters", () => {
    expect(issueAt(body, path, "ok\u0000")?.message).toMatch(/hidden control characters/);
    expect(issueAt(body, path, "ok\u009bx")?.message).toMatch(/hidden control characters/);
  });

  it("has a length cap, and its refusal of a 50 kB value is a few bytes that do not repeat it", () => {
    const huge = "x".repeat(50_000);
    const result = parse(body, path, huge);
    expect(result.success).toBe(false);
    const issues = JSON.stringify(toFieldIssues(result.error!));
    expect(issues).toContain(`"path":"${path}"`);
    expect(issues.length).toBeLessThan(500);
    expect(issues).not.toContain("xxxxxxxxxx");
  });
});

// An MRN is letters, digits and hyphens; an area is checked against its codes by the plan rules.
describe.each([...singleLine, ...multiLine].filter(([, path]) => path !== "mrn"))("text field %s.%s", (body, path) => {
  it("stores accented, non-Latin and emoji text composed (NFC)", () => {
    expect(valueAt(body, path, "Zoe\u0308 李 👍")).toBe("Zoë 李 👍");
  });
});

describe.each(singleLine)("one-line field %s.%s", (body, path) => {
  it("refuses a line break inside the text", () => {
    expect(issueAt(body, path, "Jordan\nLee")?.message).toBe("Keep this on one line.");
    expect(issueAt(body, path, "Jordan\u2028Lee")?.message).toBe("Keep this on one line.");
  });
});

describe.each(multiLine)("multi-line field %s.%s", (body, path) => {
  it("keeps line breaks and tabs", () => {
    expect(valueAt(body, path, "Line one\r\n\tLine two")).toBe("Line one\n\tLine two");
  });
});

describe.each(calendarDates)("date field %s.%s", (body, path) => {
  it.each(["2026-02-30", "2025-02-29", "2026-13-01", "2026-04-31"])("refuses %s, which does not exist", (value) => {
    expect(issueAt(body, path, value)?.message).toBe("Use a real date.");
  });

  it("refuses what is not a YYYY-MM-DD date", () => {
    expect(issueAt(body, path, "15/06/2026")?.message).toBe("Use a date in the form YYYY-MM-DD.");
  });
});

describe.each(instants)("date-and-time field %s.%s", (body, path) => {
  it.each(["2026-02-30T10:00:00Z", "2026-06-14T24:00:00Z", "2026-06-14T25:00:00Z", "2026-13-01T10:00:00Z", "2026-06-15"])("refuses %s", (value) => {
    expect(issueAt(body, path, value)?.message).toMatch(/^Use a real date and time/);
  });

  it("refuses year 0001 and a time beyond the clock skew", () => {
    expect(issueAt(body, path, "0001-06-15T10:00:00Z")).toBeDefined();
    expect(issueAt(body, path, "2026-06-15T12:06:00Z")?.message).toMatch(/cannot be in the future/);
  });

  it("stores the instant in UTC", () => {
    expect(valueAt(body, path, "2026-06-15T11:30:00+01:00")).toBe("2026-06-15T10:30:00.000Z");
  });
});

describe("plausible spans of clinical dates", () => {
  it("takes birth dates from 1900 to today, 29 February of a leap year included", () => {
    expect(valueAt("patient", "dateOfBirth", "2000-02-29")).toBe("2000-02-29");
    expect(valueAt("patient", "dateOfBirth", "1900-01-01")).toBe("1900-01-01");
    expect(issueAt("patient", "dateOfBirth", "1899-12-31")?.message).toBe("Date of birth is before 1900.");
    expect(issueAt("patient", "dateOfBirth", "2026-06-17")?.message).toBe("Date of birth cannot be in the future.");
    expect(issueAt("patient", "dateOfBirth", "")?.message).toBe("Date of birth is required.");
  });

  it("refuses screening dates of year 0001 or in the future", () => {
    expect(issueAt("screening", "answers.1.date", "0001-01-01")?.message).toBe("The date is before 1900.");
    expect(issueAt("screening", "answers.1.date", "2026-07-01")?.message).toBe("The date cannot be in the future.");
  });

  it("leaves review dates the plan rules name (past, beyond 12 months) to them, refusing only absurd ones", () => {
    expect(valueAt("plan", "reviewBy", "2020-01-01")).toBe("2020-01-01");
    expect(valueAt("plan", "reviewBy", "2099-01-01")).toBe("2099-01-01");
    expect(issueAt("plan", "reviewBy", "0001-01-01")?.message).toBe("The review date is before 2000.");
    expect(issueAt("plan", "reviewBy", "9999-12-31")?.message).toBe("The review date is more than a century ahead.");
  });

  it("keeps the audit filter's 9999-12-31, which means no end", () => {
    expect(valueAt("audit", "to", "9999-12-31")).toBe("9999-12-31");
  });

  it("refuses an alert group's upTo in the future, which would close alerts no one has seen", () => {
    expect(issueAt("alertGroup", "upTo", "2027-01-01T00:00:00Z")?.message).toMatch(/cannot be in the future/);
  });
});

describe("a 400 stays small whatever was sent", () => {
  it("names each field once, and at most a bounded number of fields", () => {
    const list = z.array(z.object({ a: z.string().min(2), b: z.string() }));
    const error = list.safeParse(Array.from({ length: 5_000 }, () => ({ a: "x" }))).error!;
    expect(error.issues).toHaveLength(10_000);
    const issues = toFieldIssues(error);
    expect(issues).toHaveLength(MAX_FIELD_ISSUES);
    const twice = z.object({ code: z.string().min(5, "first").regex(/^\d+$/, "second") }).safeParse({ code: "ab" }).error!;
    expect(twice.issues).toHaveLength(2);
    expect(toFieldIssues(twice)).toEqual([{ path: "code", message: "first" }]);
  });

  it("refuses longer lists than a form can send before reading their items", () => {
    const answers = Array.from({ length: 5_000 }, () => ({ item: "nope", answer: "maybe", date: "2026-02-30" }));
    expect(toFieldIssues(screeningSchema.safeParse({ answers }).error!)).toEqual([{ path: "answers", message: "Answer each item once." }]);
  });

  it("refuses more reports of symptoms than there are symptoms", () => {
    const symptoms = Array.from({ length: 1_000 }, () => ({ symptom: "erythema", grade: 1 }));
    expect(issueAt("reaction", "symptoms", symptoms)?.message).toBe("Each symptom may be reported once.");
  });

  it("cuts any message, and any issue's message, that would carry what was sent back", () => {
    const pasted = "p".repeat(100_000);
    const error = new ValidationError(`Unknown area "${pasted}".`, [{ path: "areas.0.area", message: `Unknown area "${pasted}".`, rule: "area_unknown" }]);
    expect(error.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(error.issues![0]!.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(error.issues![0]).toMatchObject({ path: "areas.0.area", rule: "area_unknown" });
    expect(new AppError(400, "Short and whole.").message).toBe("Short and whole.");
  });

  it("never cuts an emoji in half", () => {
    const message = `${"a".repeat(MAX_MESSAGE_CHARS - 2)}👍👍`;
    expect(new AppError(400, message).message).toBe(`${"a".repeat(MAX_MESSAGE_CHARS - 2)}…`);
  });

  it("answers a 50 kB plan area with the field named and nothing echoed", () => {
    try {
      parseOrThrow(planDecisionSchema, withField("plan", "areas.0.area", "a".repeat(50_000)));
      expect.unreachable();
    } catch (error) {
      const body = JSON.stringify({ error: (error as ValidationError).message, issues: (error as ValidationError).issues });
      expect(body).toBe(JSON.stringify({ error: "Invalid input: areas.0.area.", issues: [{ path: "areas.0.area", message: "Use at most 60 characters." }] }));
    }
  });
});

describe("the demo data passes the schemas unchanged", () => {
  it("patients", () => {
    for (const p of [...NAMED_PATIENTS, ...generatedPatients()]) {
      const parsed = patientCreateSchema.parse({ ...p, responsibleClinicianId: uuid });
      expect(parsed).toMatchObject({ name: p.name, mrn: p.mrn, dateOfBirth: p.dateOfBirth });
    }
  });

  it("staff names and templates", () => {
    for (const a of DEMO_ACCOUNTS) expect(staffInviteSchema.shape.name.parse(a.name)).toBe(a.name);
    for (const t of DEMO_TEMPLATES) expect(planTemplateSchema.parse({ ...t, instructions: STANDARD_INSTRUCTIONS })).toMatchObject(t);
  });
});
