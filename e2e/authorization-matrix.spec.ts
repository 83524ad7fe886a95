import type { APIRequestContext } from "@playwright/test";
import { MATRIX } from "./accounts";
import { activatePortalAccount, createTestPatient, expect, newApiContext, setPasswordThroughLink, signInViaApi, test } from "./fixtures";
import { actionOutcome, allowedMethods, builtServerActions, callServerAction, discoverRoutePaths, discoverServerActions, sampleUrl } from "./route-discovery";
import { ACTIONS, CALLERS, KNOWN_BUGS, METHODS, PUBLIC_BY_DESIGN, ROUTES, rowKey, type Caller, type Row, type Target } from "./route-table";

// The issue #13 authorization matrix: e2e/route-table.ts says what every caller gets from every route
// handler and server action; this spec holds the app to it and the table to what is on disk.

test("default deny: signed-out and deactivated callers are refused everywhere not public by design", () => {
  const publicKeys = new Set(Object.keys(PUBLIC_BY_DESIGN));
  const openRoutes = ROUTES.filter((r) => !publicKeys.has(rowKey(r)) && (r.expect.signedOut !== 401 || r.expect.deactivated !== 401)).map(rowKey);
  const openActions = ACTIONS.filter((a) => !publicKeys.has(a.action) && (a.expect.signedOut !== "signIn" || a.expect.deactivated !== "signIn")).map((a) => a.action);
  const stale = [...publicKeys].filter((key) => !ROUTES.some((r) => rowKey(r) === key) && !ACTIONS.some((a) => a.action === key));
  expect({ openRoutes, openActions, stale }).toEqual({ openRoutes: [], openActions: [], stale: [] });
});

test("the table has one row per method and path, and one per action", () => {
  const keys = ROUTES.map(rowKey);
  expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  const actions = ACTIONS.map((a) => a.action);
  expect(actions.filter((key, i) => actions.indexOf(key) !== i)).toEqual([]);
});

test.describe("the authorization matrix", () => {
  test.describe.configure({ mode: "serial" });

  // Each cell gets a fresh client holding the caller's cookies as they were after sign-in, so no cell
  // depends on another: next-auth's session endpoint, for one, clears a refused session's cookie.
  type SessionState = Awaited<ReturnType<APIRequestContext["storageState"]>>;
  const states = {} as Record<Caller, SessionState>;
  const targets = {} as Record<Target, string>;
  let origin: string;

  async function request<T>(caller: Caller, send: (api: APIRequestContext) => Promise<T>): Promise<T> {
    const api = await newApiContext(origin, { storageState: states[caller] });
    try {
      return await send(api);
    } finally {
      await api.dispose();
    }
  }

  test.beforeAll(async ({ browser, baseURL }) => {
    // Three portal activations and a staff invitation go through the browser.
    test.setTimeout(120_000);
    origin = baseURL!;
    const opened: APIRequestContext[] = [];
    const signedIn = async (email: string, password?: string) => {
      const api = await newApiContext(baseURL);
      opened.push(api);
      await signInViaApi(api, email, password);
      return api;
    };
    const clinician = await signedIn(MATRIX.clinician);
    const otherClinician = await signedIn(MATRIX.otherClinician);
    const admin = await signedIn(MATRIX.admin);

    // Patients of their own, with portal accounts: "self" is the record the patient routes are about.
    const patient = async (staff: APIRequestContext, name: string) => {
      const { id } = await createTestPatient(staff, name);
      const account = await activatePortalAccount(browser, staff, id);
      return { id, api: await signedIn(account.email, account.password) };
    };
    const self = await patient(clinician, "Matrix Self");
    const clinicPatient = await patient(clinician, "Matrix Neighbour");
    const otherClinicPatient = await patient(otherClinician, "Matrix Elsewhere");

    // A clinician signed in, then deactivated by the admin: the cookie it still holds must be refused.
    const email = `matrix-deactivated-${Date.now().toString(36)}-${process.pid}@northside.test`;
    const invited = await admin.post("/api/staff", { data: { email, name: "Dr. Matrix Deactivated", role: "clinician" } });
    expect(invited.status(), await invited.text()).toBe(201);
    const { id: deactivatedId, inviteUrl } = (await invited.json()) as { id: string; inviteUrl: string };
    await setPasswordThroughLink(browser, inviteUrl, "matrix-deactivated-pass");
    const deactivated = await signedIn(email, "matrix-deactivated-pass");
    const deactivation = await admin.patch(`/api/staff/${deactivatedId}`, { data: { active: false } });
    expect(deactivation.status(), await deactivation.text()).toBe(200);

    const signedOut = await newApiContext(baseURL);
    opened.push(signedOut);
    const contexts: Record<Caller, APIRequestContext> = { signedOut, self: self.api, clinicPatient: clinicPatient.api, otherClinicPatient: otherClinicPatient.api, clinician, otherClinician, admin, deactivated };
    for (const caller of CALLERS) states[caller] = await contexts[caller].storageState();
    await Promise.all(opened.map((api) => api.dispose()));
    Object.assign(targets, { patient: self.id, deactivatedStaff: deactivatedId, missing: "00000000-0000-4000-8000-000000000000" });
  });

  const urlOf = (row: Row) => {
    if (row.url) return row.url;
    if (!row.path.includes(":")) return row.path;
    if (!row.target) throw new Error(`${rowKey(row)} has a parameter but no target`);
    return row.path.replace(/:\w+/, targets[row.target]);
  };

  test("every route handler on disk answers exactly the methods its rows name", async () => {
    const served: string[] = [];
    for (const routePath of discoverRoutePaths()) {
      const methods = await request("signedOut", (api) => allowedMethods(api, sampleUrl(routePath)));
      served.push(...methods.map((method) => `${method} ${routePath}`));
    }
    const tabled = ROUTES.map(rowKey);
    expect({
      withoutRow: served.filter((key) => !tabled.includes(key)),
      rowWithoutRoute: tabled.filter((key) => !served.includes(key)),
    }).toEqual({ withoutRow: [], rowWithoutRoute: [] });
  });

  test("methods a route does not answer get 405 with Allow, from every route", async () => {
    const wrong: string[] = [];
    await request("signedOut", async (api) => {
      for (const routePath of discoverRoutePaths()) {
        const url = sampleUrl(routePath);
        const listed = (await api.fetch(url, { method: "OPTIONS" })).headers()["allow"];
        const allowed = await allowedMethods(api, url);
        for (const method of METHODS.filter((m) => !allowed.includes(m))) {
          const response = await api.fetch(url, { method, data: method === "GET" ? undefined : {}, maxRedirects: 0 });
          const allow = response.headers()["allow"];
          const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
          if (response.status() !== 405 || allow !== listed || typeof body?.error !== "string") wrong.push(`${method} ${routePath}: ${response.status()}, Allow ${allow}`);
        }
      }
    });
    expect(wrong).toEqual([]);
  });

  test("every caller gets the status its row names, from every route", async () => {
    // Over 400 requests, eight at a time.
    test.setTimeout(120_000);
    const wrong: string[] = [];
    for (const row of ROUTES) {
      const url = urlOf(row);
      await Promise.all(
        CALLERS.map((caller) =>
          request(caller, async (api) => {
            const response = await api.fetch(url, { method: row.method, data: row.body, maxRedirects: 0 });
            const status = response.status();
            if (status !== row.expect[caller]) {
              wrong.push(`${rowKey(row)} as ${caller}: ${status}, expected ${row.expect[caller]} ${(await response.text()).slice(0, 160)}`);
            } else if (status >= 400 && !url.startsWith("/api/auth/")) {
              // Refusals carry the API's error shape, whoever asks.
              const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
              if (typeof body?.error !== "string") wrong.push(`${rowKey(row)} as ${caller}: ${status} without {error}`);
            }
          }),
        ),
      );
    }
    expect(wrong).toEqual([]);
  });

  test("every server action in the source is in the build and has a row, and every row an action", () => {
    const inSource = discoverServerActions();
    const built = builtServerActions().map((a) => a.key);
    const tabled = ACTIONS.map((a) => a.action);
    expect({
      notBuilt: inSource.filter((key) => !built.includes(key)),
      withoutRow: [...new Set([...inSource, ...built])].filter((key) => !tabled.includes(key)),
      rowWithoutAction: tabled.filter((key) => !inSource.includes(key)),
    }).toEqual({ notBuilt: [], withoutRow: [], rowWithoutAction: [] });
  });

  // One test per cell, so a known bug is marked on its own cell. signOutEverywhereAction ends the
  // caller's sessions, so the actions come after every route test and nothing runs after them.
  for (const row of ACTIONS) {
    for (const caller of CALLERS) {
      test(`${row.action.split("#")[1]} as ${caller}: ${row.expect[caller]}`, async () => {
        const bug = KNOWN_BUGS[`${row.action} ${caller}`];
        test.fail(Boolean(bug), bug);
        const built = builtServerActions().find((a) => a.key === row.action);
        expect(built, `${row.action} is not in the build`).toBeDefined();
        const outcome = await request(caller, async (api) => actionOutcome(await callServerAction(api, built!, JSON.stringify(row.args))));
        expect(outcome).toBe(row.expect[caller]);
      });
    }
  }
});
