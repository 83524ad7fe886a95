import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import fc from "fast-check";
import { FUZZ } from "./accounts";
import { createTestPatient, expect, isoDaysFromNow, newApiContext, screenPatient, sessionReport, signInViaApi, test, validApproval } from "./fixtures";
import { builtServerActions, callServerAction } from "./route-discovery";
import { ROUTES, rowKey } from "./route-table";

// Issue #13: every write endpoint, fuzzed with random and hostile bodies, never answers 5xx, and a
// refused body (4xx) stores nothing. The fuzz staff belong to a clinic of their own (e2e/accounts.ts),
// so the rows compared change only through this spec's requests, whatever else runs in parallel.
// A failure prints fast-check's seed and path: replay with fc.assert(..., { seed, path }).

const NUM_RUNS = 25;

type Json = Record<string, unknown>;
type Ids = { clinicId: string; clinicianId: string; patientId: string; sessionId: string; alertId: string; templateId: string; staffId: string };
type Caller = "clinician" | "admin" | "signedOut";

type Target = {
  as: Caller;
  /** The URL for the row's path; defaults to the path itself. */
  url?: (ids: Ids) => string;
  /** The fields the endpoint reads: each is sent with wrong types and hostile values. */
  keys?: string[];
  /** A body the endpoint accepts, fetched fresh for every run: one field at a time is made hostile. */
  valid?: (ids: Ids, api: APIRequestContext) => Json | Promise<Json>;
  /** next-auth reads forms, not JSON: fields are sent form-encoded. */
  form?: boolean;
  /** Bodies that would succeed and lock the fuzz staff out of every later run: never sent. */
  lockout?: (text: string) => boolean;
};

let unique = 0;
const next = () => `${Date.now().toString(36)}${(unique += 1)}`;

const ANSWERS = ["pregnancy", "isotretinoin", "active_infection", "active_acne", "eczema_psoriasis", "rosacea", "keloid", "anticoagulants", "diabetes_wound_healing", "cardiac", "collagen_vascular", "immunosuppression", "skin_cancer", "metal_allergy", "recent_procedure"];

/** Every write row of e2e/route-table.ts, as the caller it is fuzzed as and the records it aims at. */
const TARGETS: Record<string, Target> = {
  "POST /api/patients": {
    as: "clinician",
    keys: ["name", "dateOfBirth", "mrn", "skinType", "responsibleClinicianId"],
    valid: (ids) => ({ name: "Fuzz Created", dateOfBirth: "1980-01-01", mrn: `FZ-${next()}`, skinType: 3, responsibleClinicianId: ids.clinicianId }),
  },
  "PATCH /api/patients/:id": { as: "clinician", url: (ids) => `/api/patients/${ids.patientId}`, keys: ["name", "dateOfBirth", "mrn", "skinType", "responsibleClinicianId"], valid: () => ({ name: "Fuzz Patient" }) },
  "POST /api/patients/:id/invite": { as: "clinician", url: (ids) => `/api/patients/${ids.patientId}/invite`, keys: ["email"], valid: () => ({ email: `fuzz-${next()}@patient.test` }) },
  "POST /api/patients/:id/plans": {
    as: "clinician",
    url: (ids) => `/api/patients/${ids.patientId}/plans`,
    keys: Object.keys(validApproval()).concat(["reason", "contraindicationOverride", "intervalOverrideReason", "overriddenItems", "confirmLongNeedle", "acknowledgedReviewItems"]),
    // The current versions, so a hostile field meets the plan rules rather than a stale-version 409.
    valid: async (ids, api) => {
      const plans = (await (await api.get(`/api/patients/${ids.patientId}/plans`)).json()) as { items: { version: number }[] };
      const screening = (await (await api.get(`/api/patients/${ids.patientId}/screening`)).json()) as { screening: { version: number } | null };
      return validApproval({ baseVersion: plans.items[0]?.version ?? 0, screeningVersion: screening.screening?.version ?? null, reviewBy: isoDaysFromNow(60) });
    },
  },
  "PUT /api/patients/:id/screening": {
    as: "clinician",
    url: (ids) => `/api/patients/${ids.patientId}/screening`,
    keys: ["answers"],
    valid: () => ({ answers: ANSWERS.map((item) => ({ item, answer: false })) }),
  },
  "POST /api/patients/:id/sessions": {
    as: "clinician",
    url: (ids) => `/api/patients/${ids.patientId}/sessions`,
    keys: Object.keys(sessionReport()),
    valid: () => sessionReport(),
  },
  "POST /api/patients/:id/reactions": {
    as: "clinician",
    url: (ids) => `/api/patients/${ids.patientId}/reactions`,
    keys: ["reportedAt", "sessionId", "area", "symptoms", "notes"],
    valid: () => ({ reportedAt: new Date().toISOString(), area: "face", symptoms: [{ symptom: "erythema", grade: 1 }], notes: null }),
  },
  // Nothing is paused in the fuzz clinic: a valid note meets the 409, a hostile one the 400.
  "POST /api/patients/:id/pause/clear": {
    as: "clinician",
    url: (ids) => `/api/patients/${ids.patientId}/pause/clear`,
    keys: ["note"],
    valid: () => ({ note: "Reviewed by the fuzz spec: safe to continue now." }),
  },
  // A review item, so the fuzz patient is never paused for the other targets.
  "POST /api/patients/:id/health-changes": {
    as: "clinician",
    url: (ids) => `/api/patients/${ids.patientId}/health-changes`,
    keys: ["items"],
    valid: () => ({ items: [{ item: "cardiac", date: null, note: "Told the fuzz spec by phone." }] }),
  },
  "POST /api/alerts/:id/notes": { as: "clinician", url: (ids) => `/api/alerts/${ids.alertId}/notes`, keys: ["kind", "note"], valid: () => ({ kind: "note", note: "Noted by the fuzz spec." }) },
  "POST /api/review-queue": { as: "clinician", keys: ["kind", "id"], valid: (ids) => ({ kind: "session", id: ids.sessionId }) },
  "POST /api/alerts/groups": {
    as: "clinician",
    keys: ["patientId", "kind", "upTo", "action", "note"],
    valid: (ids) => ({ patientId: ids.patientId, kind: "off_plan_session", upTo: new Date().toISOString(), action: "acknowledge" }),
  },
  "POST /api/alerts/:id/acknowledge": { as: "clinician", url: (ids) => `/api/alerts/${ids.alertId}/acknowledge` },
  "POST /api/alerts/:id/resolve": { as: "clinician", url: (ids) => `/api/alerts/${ids.alertId}/resolve`, keys: ["note", "suspendPlan"], valid: () => ({ note: "Reviewed by the fuzz spec." }) },
  "POST /api/templates": {
    as: "clinician",
    keys: ["name", "areas", "minIntervalDays", "instructions"],
    valid: () => ({ name: `Fuzz ${next()}`, areas: [{ area: "face", maxNeedleMm: 0.5 }], minIntervalDays: 7, instructions: "Sanitize first." }),
  },
  "DELETE /api/templates/:id": { as: "clinician", url: (ids) => `/api/templates/${ids.templateId}` },
  "PUT /api/clinic/settings": {
    as: "clinician",
    keys: ["screeningClasses", "intervalFloors", "isotretinoinLookbackMonths", "alertRules", "screeningValidityDays", "rednessExtraSpacingDays", "reason"],
    valid: async (_ids, api) => (await (await api.get("/api/clinic/settings")).json()) as Json,
  },
  // Bodiless: a missing proposal answers 404 whatever is sent.
  "POST /api/clinic/settings/proposals/:id/confirm": { as: "clinician", url: () => "/api/clinic/settings/proposals/00000000-0000-4000-8000-000000000000/confirm" },
  "POST /api/clinic/settings/proposals/:id/withdraw": { as: "clinician", url: () => "/api/clinic/settings/proposals/00000000-0000-4000-8000-000000000000/withdraw" },
  // Turning two-factor on would send every later request of the fuzz staff to enrolment (403).
  "PUT /api/clinic/security": { as: "admin", keys: ["requireStaffMfa"], lockout: (text) => /"requireStaffMfa"\s*:\s*true/.test(text) },
  "POST /api/staff": { as: "admin", keys: ["email", "name", "role"], valid: () => ({ email: `fuzz-staff-${next()}@fuzz.test`, name: "Fuzz Invitee", role: "clinician" }) },
  "PATCH /api/staff/:id": { as: "admin", url: (ids) => `/api/staff/${ids.staffId}`, keys: ["role", "active"], valid: () => ({ active: true }) },
  "POST /api/staff/:id/reset-password": { as: "admin", url: (ids) => `/api/staff/${ids.staffId}/reset-password` },
  "DELETE /api/staff/:id/mfa": { as: "admin", url: (ids) => `/api/staff/${ids.staffId}/mfa` },
  "POST /api/me/mfa": { as: "clinician" },
  "DELETE /api/me/mfa": { as: "clinician", keys: ["code"], valid: () => ({ code: "123456" }) },
  "POST /api/me/mfa/confirm": { as: "clinician", keys: ["code"], valid: () => ({ code: "123456" }) },
  // A wrong current password: a hostile new one must never be stored.
  "POST /api/me/password": {
    as: "clinician",
    keys: ["currentPassword", "newPassword", "confirm"],
    valid: () => ({ currentPassword: "not the password", newPassword: "a long new passphrase", confirm: "a long new passphrase" }),
  },
  "POST /api/auth/:nextauth*": { as: "signedOut", url: () => "/api/auth/callback/credentials", keys: ["csrfToken", "email", "password", "code", "json"], form: true },
  "POST /api/:path*": { as: "signedOut", url: () => "/api/no-such-endpoint" },
  "PUT /api/:path*": { as: "signedOut", url: () => "/api/no-such-endpoint" },
  "PATCH /api/:path*": { as: "signedOut", url: () => "/api/no-such-endpoint" },
  "DELETE /api/:path*": { as: "signedOut", url: () => "/api/no-such-endpoint" },
};

// ---- hostile values -------------------------------------------------------------------------------

const oddStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "\u202e\u0041\u0042",
  "\ud800",
  "\udfff\ud800",
  "\ufeff",
  "e\u0301\u0301\u0301",
  "💉".repeat(500),
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../etc/passwd",
  "%00",
  "null",
  "NaN",
  "-0",
  "1e999",
  "2026-02-30",
  "0000-00-00T00:00:00Z",
  "9999-12-31T23:59:59+14:00",
  "00000000-0000-4000-8000-000000000000",
  "__proto__",
);
const hostileString = fc.oneof(fc.string({ unit: "binary", maxLength: 64 }), oddStrings, fc.integer({ min: 1_000, max: 59_000 }).map((n) => "x".repeat(n)));
const hostileNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 5e-324, -0, 2 ** 31, -(2 ** 63), 0.1 + 0.2));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(hostileString, { maxLength: 4 }),
  fc.constant({ __proto__: null, toString: "x", valueOf: 1 }),
);

/** Raw texts JSON.stringify never writes: invalid JSON, numbers past a double, prototype keys. */
const rawTexts = fc.constantFrom(
  "",
  "{",
  "[1,2",
  "{'a':1}",
  "undefined",
  "NaN",
  '{"a":1}{"b":2}',
  "1e999",
  '{"n":123456789012345678901234567890,"m":-1e999}',
  '{"__proto__":{"role":"admin","isAdmin":true,"clinicId":"x"}}',
  '{"constructor":{"prototype":{"role":"admin"}}}',
  "[".repeat(5_000) + "]".repeat(5_000),
  '"\\ud800"',
  "\u0000",
);

type Body = { kind: "text"; text: string } | { kind: "fields"; fields: Json } | { kind: "mutate"; key: string; value: unknown } | { kind: "pollute"; key: "__proto__" | "constructor" };

function bodies(target: Target): fc.Arbitrary<Body> {
  const keys = target.keys ?? [];
  const options: fc.Arbitrary<Body>[] = [
    fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: "text" as const, text: JSON.stringify(value) })),
    fc.oneof(rawTexts, fc.string({ unit: "binary", maxLength: 200 })).map((text) => ({ kind: "text" as const, text })),
    fc.array(hostileValue, { maxLength: 3 }).map((value) => ({ kind: "text" as const, text: JSON.stringify(value) })),
  ];
  if (keys.length) {
    options.push(
      fc
        .subarray(keys, { minLength: 1 })
        .chain((chosen) => fc.tuple(...chosen.map(() => hostileValue)).map((values) => Object.fromEntries(chosen.map((key, i) => [key, values[i]]))))
        .map((fields) => ({ kind: "fields" as const, fields })),
    );
  }
  if (target.valid) {
    options.push(fc.record({ key: fc.constantFrom(...keys), value: hostileValue }).map(({ key, value }) => ({ kind: "mutate" as const, key, value })));
    options.push(fc.constantFrom("__proto__" as const, "constructor" as const).map((key) => ({ kind: "pollute" as const, key })));
  }
  return fc.oneof(...options);
}

async function textOf(body: Body, target: Target, ids: Ids, api: APIRequestContext): Promise<string> {
  if (body.kind === "text") return body.text;
  if (body.kind === "fields") {
    return target.form ? new URLSearchParams(Object.entries(body.fields).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])).toString() : JSON.stringify(body.fields);
  }
  const valid = JSON.stringify(await target.valid!(ids, api));
  if (body.kind === "mutate") return JSON.stringify({ ...JSON.parse(valid), [body.key]: body.value });
  // A valid body with an own `__proto__` / `constructor` key, which object spread cannot write.
  return `{"${body.key}":{"role":"admin","clinicId":"elsewhere","prototype":{"role":"admin"}},${valid.slice(1)}`;
}

// ---- the database, read-only ----------------------------------------------------------------------

/** Tables outside the comparison, and why; any other table must be scoped to a clinic below. */
const UNCOMPARED: Record<string, string> = {
  audit_events: "refusals are audited by design",
  sign_in_sessions: "every request touches last_seen_at",
  sign_in_throttle: "keyed by address and email, not by clinic",
  __drizzle_migrations: "schema history",
  sqlite_sequence: "SQLite's own",
};

/** Every row the fuzz clinic owns, table by table: a 4xx must leave it exactly as it was. */
function clinicRows(db: Database.Database, clinicId: string): Record<string, unknown[]> {
  const tables = db.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[];
  const rows: Record<string, unknown[]> = {};
  for (const table of tables.filter((t) => !(t in UNCOMPARED))) {
    const columns = (db.prepare(`pragma table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    const scope =
      table === "clinics"
        ? "id = @clinicId"
        : columns.includes("clinic_id")
          ? "clinic_id = @clinicId"
          : columns.includes("patient_id")
            ? "patient_id in (select id from patients where clinic_id = @clinicId)"
            : columns.includes("user_id")
              ? "user_id in (select id from users where clinic_id = @clinicId)"
              : columns.includes("alert_id")
                ? "alert_id in (select id from alerts where clinic_id = @clinicId)"
                : null;
    if (!scope) throw new Error(`Table ${table} is neither scoped to a clinic nor listed in UNCOMPARED`);
    rows[table] = db.prepare(`select * from "${table}" where ${scope} order by rowid`).all({ clinicId });
  }
  return rows;
}

// ---- the properties -------------------------------------------------------------------------------

test.describe("fuzzed write endpoints", () => {
  // One worker: every property compares the same clinic's rows before and after its own request.
  test.describe.configure({ mode: "serial" });

  let db: Database.Database;
  const ids = {} as Ids;
  const apis = {} as Record<Caller, APIRequestContext>;

  test.beforeAll(async ({ baseURL }) => {
    db = new Database(path.resolve(".e2e/dermaplan-e2e.db"), { readonly: true, fileMustExist: true });
    for (const caller of ["clinician", "admin", "signedOut"] as const) apis[caller] = await newApiContext(baseURL);
    const me = await signInViaApi(apis.clinician, FUZZ.clinician);
    await signInViaApi(apis.admin, FUZZ.admin);
    const clinician = apis.clinician;

    const patient = await createTestPatient(clinician, "Fuzz Patient");
    const screeningVersion = await screenPatient(clinician, patient.id);
    const plan = await clinician.post(`/api/patients/${patient.id}/plans`, { data: validApproval({ screeningVersion }) });
    expect(plan.status(), await plan.text()).toBe(201);
    const session = await clinician.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport() });
    expect(session.status(), await session.text()).toBe(201);
    // Longer than the plan allows: raises an alert of the fuzz patient's own.
    expect((await clinician.post(`/api/patients/${patient.id}/sessions`, { data: sessionReport({ needleMm: 1.5 }) })).status()).toBe(201);
    const alerts = (await (await clinician.get(`/api/alerts?patientId=${patient.id}`)).json()) as { items: { id: string }[] };
    expect(alerts.items.length).toBeGreaterThan(0);
    const template = await clinician.post("/api/templates", { data: { name: "Fuzz target", areas: [{ area: "face", maxNeedleMm: 0.5 }], minIntervalDays: 7, instructions: "x" } });
    expect(template.status(), await template.text()).toBe(201);
    const staff = await apis.admin.post("/api/staff", { data: { email: `fuzz-target-${next()}@fuzz.test`, name: "Fuzz Target", role: "clinician" } });
    expect(staff.status(), await staff.text()).toBe(201);

    Object.assign(ids, {
      clinicId: me.clinicId,
      clinicianId: me.id,
      patientId: patient.id,
      sessionId: ((await session.json()) as { id: string }).id,
      alertId: alerts.items[0]!.id,
      templateId: ((await template.json()) as { id: string }).id,
      staffId: ((await staff.json()) as { id: string }).id,
    });
  });

  test.afterAll(async () => {
    db?.close();
    await Promise.all(Object.values(apis).map((api) => api.dispose()));
  });

  test("every write row of the route table has a fuzz target, and every target a row", () => {
    const writes = ROUTES.filter((r) => r.method !== "GET").map(rowKey);
    expect({ untargeted: writes.filter((k) => !(k in TARGETS)), stale: Object.keys(TARGETS).filter((k) => !writes.includes(k)) }).toEqual({ untargeted: [], stale: [] });
  });

  for (const [key, target] of Object.entries(TARGETS)) {
    test(`${key}: no 5xx, and a refused body stores nothing`, async () => {
      const [method, routePath] = key.split(" ") as [string, string];
      const api = apis[target.as];
      await fc.assert(
        fc.asyncProperty(bodies(target), async (body) => {
          const data = await textOf(body, target, ids, api);
          fc.pre(!target.lockout?.(data));
          const before = clinicRows(db, ids.clinicId);
          const response = await api.fetch(target.url?.(ids) ?? routePath, {
            method,
            // A Buffer, because Playwright re-encodes a string that is not valid JSON as a JSON string.
            data: Buffer.from(data, "utf8"),
            maxRedirects: 0,
            headers: {
              "Content-Type": target.form ? "application/x-www-form-urlencoded" : "application/json",
              // A documentation address (RFC 5737) of its own: sign-in attempts here never throttle other specs.
              ...(target.form ? { "X-Forwarded-For": "192.0.2.13" } : {}),
            },
          });
          const status = response.status();
          expect(status, `${key} answered ${status} to ${data.slice(0, 300)}`).toBeLessThan(500);
          if (status >= 400) expect(clinicRows(db, ids.clinicId), `${key} answered ${status} but changed rows, for ${data.slice(0, 300)}`).toEqual(before);
        }),
        { numRuns: NUM_RUNS },
      );
      // Nothing sent may have locked the caller out, or every later property would pass on 403s.
      if (target.as !== "signedOut") expect((await api.get("/api/clinic/security")).status()).toBe(200);
    });
  }

  test("setPasswordAction, the one public server action with input: no 5xx for any arguments", async () => {
    const action = builtServerActions().find((a) => a.key.endsWith("#setPasswordAction"));
    expect(action).toBeDefined();
    await fc.assert(
      fc.asyncProperty(fc.array(hostileValue, { maxLength: 4 }), async (args) => {
        const response = await callServerAction(apis.signedOut, action!, JSON.stringify(args));
        expect(response.status(), JSON.stringify(args).slice(0, 300)).toBeLessThan(500);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test("the fuzz left every account as it was: roles, clinic, and the clinic's staff two-factor rule", async () => {
    const me = (await (await apis.clinician.get("/api/me")).json()) as { role: string; clinicId: string };
    expect(me).toMatchObject({ role: "clinician", clinicId: ids.clinicId });
    expect(((await (await apis.admin.get("/api/me")).json()) as { role: string }).role).toBe("admin");
    expect(await (await apis.admin.get("/api/clinic/security")).json()).toEqual({ requireStaffMfa: false });
  });
});

test.describe("malformed bodies Next.js and next-auth parse before the app sees them", () => {
  test("next-auth never sees a JSON body (its parser answers 500 to one it cannot parse): the edge refuses it with 415", async ({ request }) => {
    const response = await request.post("/api/auth/callback/credentials", { headers: { "Content-Type": "application/json", "X-Forwarded-For": "192.0.2.14" }, data: Buffer.from("[1,2") });
    expect(response.status()).toBe(415);
  });

  test("a server action call whose body Next.js could not decode is refused with 400 before it (Next answers those with a 500)", async ({ request }) => {
    const action = builtServerActions().find((a) => a.key.endsWith("#setPasswordAction"))!;
    const response = await callServerAction(request, action, "{{{");
    expect(response.status()).toBe(400);
  });
});
