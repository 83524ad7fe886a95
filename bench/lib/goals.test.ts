import { describe, expect, it } from "vitest";
import { checkGoals, withFloorRatios } from "./goals";
import type { EndpointResult } from "./result-schema";

const endpoint = (over: Partial<EndpointResult>): EndpointResult => ({
  name: "x",
  kind: "json",
  as: "staff",
  method: "GET",
  path: "/api/x",
  reqPerSec: 1000,
  p50Ms: 5,
  p95Ms: 10,
  p99Ms: 20,
  cpuMsPerReq: 1,
  bytes: 100,
  ratioToFloor: 1,
  requests: 10_000,
  errors: 0,
  timeouts: 0,
  statusCodes: { "200": 10_000 },
  ...over,
});
const rss = { startMb: 100, maxMb: 300, endMb: 250, samples: 10 };
const goal = (goals: ReturnType<typeof checkGoals>, prefix: string) => goals.find((g) => g.goal.startsWith(prefix))!;

describe("checkGoals", () => {
  it("misses a JSON read below half the floor's throughput and names it", () => {
    const goals = checkGoals([endpoint({ name: "floor", kind: "floor" }), endpoint({ name: "slow", reqPerSec: 400, ratioToFloor: 0.4 })], rss, []);
    const throughput = goal(goals, "JSON reads ≥");
    expect(throughput.pass).toBe(false);
    expect(throughput.misses).toEqual([{ subject: "slow", value: "400 req/s (0.40× floor)" }]);
  });

  it("holds p95 to twice the floor's p95, writes to 500/s and RSS to 500 MB", () => {
    const goals = checkGoals(
      [endpoint({ kind: "floor", p95Ms: 10 }), endpoint({ name: "ok", p95Ms: 20 }), endpoint({ name: "w", kind: "write", method: "POST", reqPerSec: 499 })],
      { ...rss, maxMb: 501 },
      [],
    );
    expect(goal(goals, "JSON reads p95").pass).toBe(true);
    expect(goal(goals, "durable session writes").pass).toBe(false);
    expect(goal(goals, "server RSS").misses).toEqual([{ subject: "max RSS", value: "501 MB" }]);
  });

  it("applies the portal and clinic first-load budgets to their own pages", () => {
    const goals = checkGoals([endpoint({ kind: "floor" })], rss, [
      { page: "/portal", as: "patient", group: "portal", scripts: 10, gzipBytes: 160_000 },
      { page: "/patients", as: "staff", group: "clinic", scripts: 10, gzipBytes: 160_000 },
    ]);
    expect(goal(goals, "portal first-load").pass).toBe(false);
    expect(goal(goals, "clinic first-load").pass).toBe(true);
  });
});

describe("withFloorRatios", () => {
  it("measures every target against the faster of the two floor runs", () => {
    const [first, target, last] = withFloorRatios([
      endpoint({ kind: "floor", reqPerSec: 200 }),
      endpoint({ reqPerSec: 300 }),
      endpoint({ kind: "floor", reqPerSec: 600 }),
    ]);
    expect([first!.ratioToFloor, target!.ratioToFloor, last!.ratioToFloor]).toEqual([0.33, 0.5, 1]);
  });
});
