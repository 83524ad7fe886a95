import { sessionReportSchema } from "@/lib/validation/reports";
import type { DatasetFacts } from "./dataset-facts";
import type { Who } from "./sign-in";

export type EndpointKind = "floor" | "json" | "html" | "write";

export type Endpoint = {
  name: string;
  kind: EndpointKind;
  as: Who;
  method: "GET" | "POST";
  /** As reported: `{id}`/`{own}` stand for the heavy patient and the portal patient, so results diff cleanly between datasets. */
  shownPath: string;
  /** The n-th request's path and body; writes rotate over many patients. */
  request: (n: number) => { path: string; body?: string };
};

const AREAS = ["face", "neck", "decolletage", "scalp", "hands", "body"] as const;
const HOUR = 3_600_000;

/** A valid session report (checked against the app's own schema), spread over the last 30 days. */
export function sessionReportBody(n: number, now = Date.now()): string {
  const report = {
    performedAt: new Date(now - ((n * 7) % 720) * HOUR - 60_000).toISOString(),
    area: AREAS[n % AREAS.length],
    needleMm: 0.25,
    device: n % 2 ? "pen" : "roller",
    sanitized: true,
    notes: `bench ${n}`,
  };
  sessionReportSchema.parse(report);
  return JSON.stringify(report);
}

const get = (name: string, kind: EndpointKind, as: Who, shownPath: string, path = shownPath): Endpoint => ({
  name,
  kind,
  as,
  method: "GET",
  shownPath,
  request: () => ({ path }),
});

/** The targets to measure: all of them, or those named by `--only` (the floor always, to compare against). */
export function selectEndpoints(endpoints: Endpoint[], only: string[]): Endpoint[] {
  if (only.length === 0) return endpoints;
  return endpoints.filter((e) => e.kind === "floor" || only.some((name) => e.name.includes(name)));
}

/** Reads first, then pages, then the writes (they add rows and alerts), and the floor again last. */
export function benchEndpoints(facts: DatasetFacts): Endpoint[] {
  const id = facts.longest.id;
  const own = facts.portalPatientId;
  const deepPage = Math.min(150, facts.rosterPages);
  const q = encodeURIComponent(facts.searchTerm);
  const writeIds = facts.writePatientIds;
  return [
    get("health (floor)", "floor", "anonymous", "/api/health"),
    get("roster page 1", "json", "staff", "/api/patients"),
    get(`roster page ${deepPage}`, "json", "staff", `/api/patients?page=${deepPage}`),
    get(`roster search "${facts.searchTerm}"`, "json", "staff", `/api/patients?q=${q}`),
    get("roster status=approved", "json", "staff", "/api/patients?status=approved"),
    get("roster sort=reviewBy", "json", "staff", "/api/patients?sort=reviewBy"),
    get("patient detail", "json", "staff", "/api/patients/{id}", `/api/patients/${id}`),
    get("patient charts 365d", "json", "staff", "/api/patients/{id}/charts?range=365d", `/api/patients/${id}/charts?range=365d`),
    get("patient sessions page 1", "json", "staff", "/api/patients/{id}/sessions?page=1", `/api/patients/${id}/sessions?page=1`),
    get("home-care (staff)", "json", "staff", "/api/patients/{id}/home-care", `/api/patients/${id}/home-care`),
    get("home-care (portal)", "json", "patient", "/api/patients/{own}/home-care", `/api/patients/${own}/home-care`),
    get("alerts open page 1", "json", "staff", "/api/alerts?status=open&page=1&pageSize=50"),
    get("alerts summary", "json", "staff", "/api/alerts/summary"),
    get("review queue page 1", "json", "staff", "/api/review-queue?page=1&pageSize=50"),
    get("page /overview", "html", "staff", "/overview"),
    get("page /patients", "html", "staff", "/patients"),
    get("page /alerts", "html", "staff", "/alerts"),
    get("page /review", "html", "staff", "/review"),
    get("page /portal", "html", "patient", "/portal"),
    // The sign-in page reads no data: what any page costs the framework, for comparison with the others.
    get("page /login", "html", "anonymous", "/login"),
    {
      name: `session write (${writeIds.length} patients)`,
      kind: "write",
      as: "staff",
      method: "POST",
      shownPath: "/api/patients/{rotating}/sessions",
      request: (n) => ({ path: `/api/patients/${writeIds[n % writeIds.length]}/sessions`, body: sessionReportBody(n) }),
    },
    get("health (floor, again)", "floor", "anonymous", "/api/health"),
  ];
}
