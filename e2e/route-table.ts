/**
 * The authorization matrix (issue #13): every route handler and server action, with the status each
 * caller must get. e2e/authorization-matrix.spec.ts walks it against the running app and fails when a
 * route or action on disk has no row here, or a row names one that no longer exists; e2e/fuzz.spec.ts
 * fuzzes its write rows.
 *
 * An allowed caller sends a harmless request: reads answer 200; writes carry a body that fails
 * validation (400), so the caller is proven past authorization without changing data; a write without
 * a body aims at a missing record (404) or at a record whose state refuses it (409).
 */

export const CALLERS = ["signedOut", "self", "clinicPatient", "otherClinicPatient", "clinician", "otherClinician", "admin", "deactivated"] as const;
export type Caller = (typeof CALLERS)[number];

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

/**
 * What a path's `:id` names. `patient`: the record of the caller "self" (a Northside patient, whose
 * responsible clinician is the caller "clinician"). `deactivatedStaff`: the Northside account the matrix
 * deactivates. `missing`: a well-formed id of no record.
 */
export type Target = "patient" | "deactivatedStaff" | "missing";

export type Row = {
  method: Method;
  /** As discovered from app/api: `app/api/patients/[id]/route.ts` is `/api/patients/:id`. */
  path: string;
  expect: Record<Caller, number>;
  target?: Target;
  /** The URL actually requested, for catch-all routes (which match any path below them). */
  url?: string;
  /** JSON body every caller sends; writes without one send none. */
  body?: unknown;
};

type Statuses = [signedOut: number, self: number, clinicPatient: number, otherClinicPatient: number, clinician: number, otherClinician: number, admin: number, deactivated: number];

function row(method: Method, path: string, statuses: Statuses, request: Omit<Row, "method" | "path" | "expect"> = {}): Row {
  const expect = Object.fromEntries(CALLERS.map((caller, i) => [caller, statuses[i]])) as Record<Caller, number>;
  return { method, path, expect, ...request };
}

const INVALID = { body: {} };
const NO_ROUTE = (method: Method) => row(method, "/api/:path*", [404, 404, 404, 404, 404, 404, 404, 404], { url: "/api/no-such-endpoint", ...(method === "GET" ? {} : INVALID) });

// prettier-ignore
export const ROUTES: Row[] = [
  //  method    path                                      out  self pat  oPat clin oCli adm  deact
  row("GET",    "/api/health",                            [200, 200, 200, 200, 200, 200, 200, 200]),
  row("GET",    "/api/auth/:nextauth*",                   [200, 200, 200, 200, 200, 200, 200, 200], { url: "/api/auth/session" }),
  // Without next-auth's CSRF token a sign-out is not performed: next-auth redirects to its own page.
  row("POST",   "/api/auth/:nextauth*",                   [302, 302, 302, 302, 302, 302, 302, 302], { url: "/api/auth/signout" }),
  NO_ROUTE("GET"), NO_ROUTE("POST"), NO_ROUTE("PUT"), NO_ROUTE("PATCH"), NO_ROUTE("DELETE"),

  row("GET",    "/api/me",                                [401, 200, 200, 200, 200, 200, 200, 401]),
  row("POST",   "/api/me/mfa",                            [401, 403, 403, 403, 200, 200, 200, 401]),
  row("DELETE", "/api/me/mfa",                            [401, 403, 403, 403, 400, 400, 400, 401], INVALID),
  row("POST",   "/api/me/mfa/confirm",                    [401, 403, 403, 403, 400, 400, 400, 401], INVALID),
  // A well-formed body: the route reads it before the role check, so `{}` would tell a patient 400.
  row("POST",   "/api/me/password",                       [401, 403, 403, 403, 400, 400, 400, 401], { body: { currentPassword: "not the password", newPassword: "a long new passphrase", confirm: "a long new passphrase" } }),

  row("GET",    "/api/patients",                          [401, 403, 403, 403, 200, 200, 200, 401]),
  row("POST",   "/api/patients",                          [401, 403, 403, 403, 400, 400, 400, 401], INVALID),
  row("GET",    "/api/patients/:id",                      [401, 200, 404, 404, 200, 404, 200, 401], { target: "patient" }),
  row("PATCH",  "/api/patients/:id",                      [401, 403, 403, 403, 400, 404, 400, 401], { target: "patient", ...INVALID }),
  row("GET",    "/api/patients/:id/charts",               [401, 200, 404, 404, 200, 404, 200, 401], { target: "patient" }),
  row("GET",    "/api/patients/:id/home-care",            [401, 200, 404, 404, 200, 404, 200, 401], { target: "patient" }),
  // Clearing a pause is a clinical act: clinicians of the patient's clinic only.
  row("POST",   "/api/patients/:id/pause/clear",          [401, 403, 403, 403, 400, 404, 403, 401], { target: "patient", ...INVALID }),
  // A change in health is told by the patient herself, or by staff taking her call (admins included).
  row("GET",    "/api/patients/:id/health-changes",       [401, 200, 404, 404, 200, 404, 200, 401], { target: "patient" }),
  row("POST",   "/api/patients/:id/health-changes",       [401, 400, 404, 404, 400, 404, 400, 401], { target: "patient", ...INVALID }),
  row("POST",   "/api/patients/:id/invite",               [401, 403, 403, 403, 400, 404, 400, 401], { target: "patient", ...INVALID }),
  // The plan history is the clinic's record of its decisions; a patient reads their plan in home-care.
  row("GET",    "/api/patients/:id/plans",                [401, 403, 403, 403, 200, 404, 200, 401], { target: "patient" }),
  row("POST",   "/api/patients/:id/plans",                [401, 403, 403, 403, 400, 404, 403, 401], { target: "patient", ...INVALID }),
  row("GET",    "/api/patients/:id/screening",            [401, 403, 403, 403, 200, 404, 200, 401], { target: "patient" }),
  row("PUT",    "/api/patients/:id/screening",            [401, 403, 403, 403, 400, 404, 403, 401], { target: "patient", ...INVALID }),
  row("GET",    "/api/patients/:id/sessions",             [401, 200, 404, 404, 200, 404, 200, 401], { target: "patient" }),
  row("POST",   "/api/patients/:id/sessions",             [401, 400, 404, 404, 400, 404, 400, 401], { target: "patient", ...INVALID }),
  row("GET",    "/api/patients/:id/reactions",            [401, 200, 404, 404, 200, 404, 200, 401], { target: "patient" }),
  row("POST",   "/api/patients/:id/reactions",            [401, 400, 404, 404, 400, 404, 400, 401], { target: "patient", ...INVALID }),
  row("GET",    "/api/patients/:id/fhir",                 [401, 200, 404, 404, 200, 404, 200, 401], { target: "patient" }),
  // The patient's own record as CSV: the patient and their clinic's staff, like the lists it is made of.
  row("GET",    "/api/patients/:id/export/sessions.csv",  [401, 200, 404, 404, 200, 404, 200, 401], { target: "patient" }),
  row("GET",    "/api/patients/:id/export/reactions.csv", [401, 200, 404, 404, 200, 404, 200, 401], { target: "patient" }),

  row("GET",    "/api/review-queue",                      [401, 403, 403, 403, 200, 200, 200, 401]),
  // Well-formed but naming no report: clinicians get 404, and an admin (who may not sign off) 403.
  row("POST",   "/api/review-queue",                      [401, 403, 403, 403, 404, 404, 403, 401], { body: { kind: "session", id: "00000000-0000-4000-8000-000000000000" } }),
  row("GET",    "/api/alerts",                            [401, 403, 403, 403, 200, 200, 200, 401]),
  row("GET",    "/api/alerts/summary",                    [401, 403, 403, 403, 200, 200, 200, 401]),
  row("GET",    "/api/alerts/groups",                     [401, 403, 403, 403, 200, 200, 200, 401]),
  row("POST",   "/api/alerts/groups",                     [401, 403, 403, 403, 400, 400, 400, 401], INVALID),
  row("POST",   "/api/alerts/:id/acknowledge",            [401, 403, 403, 403, 404, 404, 404, 401], { target: "missing" }),
  row("POST",   "/api/alerts/:id/resolve",                [401, 403, 403, 403, 400, 400, 400, 401], { target: "missing", ...INVALID }),
  // Any staff of the alert's clinic may annotate it (an admin's way to act on a high alert) or record a call.
  row("POST",   "/api/alerts/:id/notes",                  [401, 403, 403, 403, 400, 400, 400, 401], { target: "missing", ...INVALID }),

  row("GET",    "/api/templates",                         [401, 403, 403, 403, 200, 200, 200, 401]),
  row("POST",   "/api/templates",                         [401, 403, 403, 403, 400, 400, 400, 401], INVALID),
  row("DELETE", "/api/templates/:id",                     [401, 403, 403, 403, 404, 404, 404, 401], { target: "missing" }),

  row("GET",    "/api/clinic/overview",                   [401, 403, 403, 403, 200, 200, 200, 401]),
  row("GET",    "/api/clinic/settings",                   [401, 403, 403, 403, 200, 200, 200, 401]),
  row("PUT",    "/api/clinic/settings",                   [401, 403, 403, 403, 400, 400, 400, 401], INVALID),
  row("GET",    "/api/clinic/settings/proposals",         [401, 403, 403, 403, 200, 200, 200, 401]),
  // Naming no proposal: staff of any clinic 404 (another clinic's reads the same), patients 403.
  row("POST",   "/api/clinic/settings/proposals/:id/confirm",  [401, 403, 403, 403, 404, 404, 404, 401], { target: "missing" }),
  row("POST",   "/api/clinic/settings/proposals/:id/withdraw", [401, 403, 403, 403, 404, 404, 404, 401], { target: "missing" }),
  row("GET",    "/api/clinic/security",                   [401, 403, 403, 403, 200, 200, 200, 401]),
  row("PUT",    "/api/clinic/security",                   [401, 403, 403, 403, 403, 403, 400, 401], INVALID),
  row("GET",    "/api/clinic/export/fhir",                [401, 403, 403, 403, 403, 403, 200, 401], { url: "/api/clinic/export/fhir?type=Organization" }),
  // Every patient of the clinic at once: the admin's alone.
  row("GET",    "/api/clinic/export/sessions.csv",        [401, 403, 403, 403, 403, 403, 200, 401]),
  row("GET",    "/api/clinic/export/reactions.csv",       [401, 403, 403, 403, 403, 403, 200, 401]),

  row("GET",    "/api/audit",                             [401, 403, 403, 403, 403, 403, 200, 401]),
  row("GET",    "/api/staff",                             [401, 403, 403, 403, 403, 403, 200, 401]),
  row("POST",   "/api/staff",                             [401, 403, 403, 403, 403, 403, 400, 401], INVALID),
  row("PATCH",  "/api/staff/:id",                         [401, 403, 403, 403, 403, 403, 400, 401], { target: "deactivatedStaff", ...INVALID }),
  // A deactivated account's password cannot be reset (409); turning its two-factor off is a no-op (200).
  row("POST",   "/api/staff/:id/reset-password",          [401, 403, 403, 403, 403, 403, 409, 401], { target: "deactivatedStaff" }),
  row("DELETE", "/api/staff/:id/mfa",                     [401, 403, 403, 403, 403, 403, 200, 401], { target: "deactivatedStaff" }),
];

/**
 * What a server action call comes to. Actions answer 200 whatever they do (Next reports a thrown error as
 * 500 and a redirect in a header), so the matrix names outcomes: `ran` (the action answered), `signIn`
 * (sent to the sign-in page without running), `error` (it threw).
 */
export type ActionOutcome = "ran" | "signIn" | "error";

/** Server actions, keyed `file#export`; `args` are the arguments every caller sends. */
export type ActionRow = { action: string; args: unknown[]; expect: Record<Caller, ActionOutcome> };

type Outcomes = [signedOut: ActionOutcome, self: ActionOutcome, clinicPatient: ActionOutcome, otherClinicPatient: ActionOutcome, clinician: ActionOutcome, otherClinician: ActionOutcome, admin: ActionOutcome, deactivated: ActionOutcome];

function action(name: string, outcomes: Outcomes, args: unknown[] = []): ActionRow {
  return { action: name, args, expect: Object.fromEntries(CALLERS.map((caller, i) => [caller, outcomes[i]])) as Record<Caller, ActionOutcome> };
}

// Signed-out callers never reach an action on a signed-in page: the proxy sends them to /login first.
// prettier-ignore
export const ACTIONS: ActionRow[] = [
  //     action                                               out       self   pat    oPat   clin   oCli   adm    deact
  // A made-up token and no form: the action answers its "link unusable" state to anyone.
  action("app/(auth)/actions.ts#setPasswordAction",          ["ran",    "ran", "ran", "ran", "ran", "ran", "ran", "ran"],    ["not-a-token", {}, "not a form"]),
  // Runs last for each caller in the spec: it ends every session of the caller.
  action("app/(auth)/actions.ts#signOutEverywhereAction",    ["signIn", "ran", "ran", "ran", "ran", "ran", "ran", "signIn"]),
];

/**
 * Cells the app gets wrong today, each reported: the spec marks them `test.fail`, so the suite passes
 * while the bug stands and tells whoever fixes it to remove the entry.
 */
export const KNOWN_BUGS: Record<string, string> = {};

/**
 * Rows a signed-out or deactivated caller may reach, and why. Everything else must answer them 401:
 * the default is deny. A stale entry (naming no row) fails the suite too.
 */
export const PUBLIC_BY_DESIGN: Record<string, string> = {
  "GET /api/health": "the load balancer's probe; it says only whether the database answers",
  "GET /api/auth/:nextauth*": "next-auth's own endpoints (CSRF token, session, providers): signing in starts signed out",
  "POST /api/auth/:nextauth*": "next-auth's sign-in and sign-out posts, guarded by its CSRF token and the sign-in throttle",
  "GET /api/:path*": "no such endpoint: 404 for everyone, there is nothing to protect",
  "POST /api/:path*": "no such endpoint",
  "PUT /api/:path*": "no such endpoint",
  "PATCH /api/:path*": "no such endpoint",
  "DELETE /api/:path*": "no such endpoint",
  "app/(auth)/actions.ts#setPasswordAction": "the one-time token in the emailed link is the credential, checked and spent in lib/data/invites",
};

export const rowKey = (r: Pick<Row, "method" | "path">) => `${r.method} ${r.path}`;
