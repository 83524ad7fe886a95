import type { PageJs } from "./first-load-js";
import type { EndpointResult, GoalResult } from "./result-schema";
import type { RssSummary } from "./rss";

/** kB as Next's build output counts them: 1000 bytes. */
const KB = 1000;

export const LIMITS = {
  jsonThroughputVsFloor: 0.5,
  jsonP95VsFloor: 2,
  answerBytes: 256 * KB,
  htmlThroughputVsFloor: 0.1,
  htmlBytes: 500 * KB,
  writesPerSec: 500,
  rssMb: 500,
  portalJsBytes: 150 * KB,
  clinicJsBytes: 250 * KB,
} as const;

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;

/**
 * The floor is the faster of the two /api/health runs (first and last): other work on the machine can
 * only slow a run down, so the faster one is the fairer measure of what the server and cores can do.
 */
export function floorOf<T extends Pick<EndpointResult, "kind" | "reqPerSec" | "p95Ms">>(endpoints: T[]): T & { p95Ms: number } {
  const floors = endpoints.filter((e): e is T & { p95Ms: number } => e.kind === "floor" && e.p95Ms !== null);
  const best = floors.sort((a, b) => b.reqPerSec - a.reqPerSec)[0];
  if (!best) throw new Error("The floor (/api/health) was not measured.");
  return best;
}

export function withFloorRatios(endpoints: Omit<EndpointResult, "ratioToFloor">[]): EndpointResult[] {
  const floor = floorOf(endpoints);
  return endpoints.map((e) => ({ ...e, ratioToFloor: Math.round((e.reqPerSec / floor.reqPerSec) * 100) / 100 }));
}

function goal<T>(name: string, subjects: T[], label: (s: T) => string, miss: (s: T) => string | null): GoalResult {
  const misses = subjects.flatMap((s) => {
    const value = miss(s);
    return value === null ? [] : [{ subject: label(s), value }];
  });
  return { goal: name, pass: misses.length === 0, checked: subjects.length, misses };
}

/** The service targets the benchmark is held to; a miss is reported, never an error. */
export function checkGoals(endpoints: EndpointResult[], rss: RssSummary, pages: PageJs[]): GoalResult[] {
  const floor = floorOf(endpoints);
  const of = (kind: EndpointResult["kind"]) => endpoints.filter((e) => e.kind === kind);
  const name = (e: EndpointResult) => e.name;
  const ratio = (e: EndpointResult) => `${e.reqPerSec} req/s (${e.ratioToFloor.toFixed(2)}× floor)`;
  const answers = endpoints.filter((e) => e.kind !== "html");
  const portal = pages.filter((p) => p.group === "portal");
  const clinic = pages.filter((p) => p.group === "clinic");
  const page = (p: PageJs) => p.page;
  return [
    goal(`JSON reads ≥ ${LIMITS.jsonThroughputVsFloor}× floor req/s`, of("json"), name, (e) =>
      e.ratioToFloor >= LIMITS.jsonThroughputVsFloor ? null : ratio(e),
    ),
    goal(`JSON reads p95 ≤ ${LIMITS.jsonP95VsFloor}× floor p95 (${(floor.p95Ms * LIMITS.jsonP95VsFloor).toFixed(2)} ms)`, of("json"), name, (e) => {
      if (e.p95Ms === null) return "no answer within 10 s";
      return e.p95Ms <= floor.p95Ms * LIMITS.jsonP95VsFloor ? null : `p95 ${e.p95Ms} ms (${(e.p95Ms / floor.p95Ms).toFixed(1)}× floor)`;
    }),
    goal(`every answer ≤ ${kb(LIMITS.answerBytes)}`, answers, name, (e) => (e.bytes <= LIMITS.answerBytes ? null : kb(e.bytes))),
    goal(`HTML pages ≥ ${LIMITS.htmlThroughputVsFloor}× floor req/s`, of("html"), name, (e) =>
      e.ratioToFloor >= LIMITS.htmlThroughputVsFloor ? null : ratio(e),
    ),
    goal(`HTML pages ≤ ${kb(LIMITS.htmlBytes)} of HTML`, of("html"), name, (e) => (e.bytes <= LIMITS.htmlBytes ? null : kb(e.bytes))),
    goal(`durable session writes ≥ ${LIMITS.writesPerSec}/s`, of("write"), name, (e) => (e.reqPerSec >= LIMITS.writesPerSec ? null : `${e.reqPerSec}/s`)),
    goal(`server RSS ≤ ${LIMITS.rssMb} MB`, [rss], () => "max RSS", (r) => (r.maxMb <= LIMITS.rssMb ? null : `${r.maxMb} MB`)),
    goal(`portal first-load JS ≤ ${kb(LIMITS.portalJsBytes)} gzip`, portal, page, (p) => (p.gzipBytes <= LIMITS.portalJsBytes ? null : kb(p.gzipBytes))),
    goal(`clinic first-load JS ≤ ${kb(LIMITS.clinicJsBytes)} gzip`, clinic, page, (p) => (p.gzipBytes <= LIMITS.clinicJsBytes ? null : kb(p.gzipBytes))),
  ];
}
