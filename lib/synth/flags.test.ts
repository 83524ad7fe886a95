import { describe, expect, it } from "vitest";
import { DEFAULT_INTERVAL_FLOORS } from "@/lib/domain/clinic-settings";
import { evaluateSession, type PlanInForce } from "@/lib/domain/session-flags";
import { crossCheck, flagSession, type TimedAreaSession, type TimedSession } from "./flags";
import { DAY, HOUR, iso } from "./time";

const rules = { intervalFloors: DEFAULT_INTERVAL_FLOORS, rednessExtraSpacingDays: 7 };
const plan: NonNullable<PlanInForce> = { version: 1, decision: "approved", areas: [{ area: "decolletage", maxNeedleMm: 0.25 }], minIntervalDays: 7, reviewBy: "2027-12-31" };
const NOV_1 = Date.parse("2026-11-01T19:00:00.000Z");
const earlier = (day: number, needleMm: number, prolongedRedness = false, name = "s"): TimedAreaSession => {
  const at = NOV_1 + day * DAY;
  return { id: `${name}${day}-${needleMm}`, at, performedAt: iso(at), needleMm, prolongedRedness };
};
const session = (day: number, needleMm = 0.25, hours = 0): TimedSession => {
  const at = NOV_1 + day * DAY + hours * HOUR;
  return { at, performedAt: iso(at), area: "decolletage", needleMm, sanitized: true, patchTestDone: null };
};

describe("the synthetic fast path", () => {
  it("judges against every earlier session: 1.0 mm on 1 Nov, 0.25 mm on 10 Nov, 0.25 mm on 20 Nov", () => {
    const long = earlier(0, 1.0);
    const verdict = flagSession(session(19), plan, [long, earlier(9, 0.25)], false, rules);
    expect(verdict.flags).toEqual(["interval_too_short"]);
    expect(verdict.tooClose).toEqual([long]);
  });

  it("agrees with evaluateSession on every mix of earlier lengths, gaps and redness", () => {
    const lengths = [0.25, 0.5, 1.0, 1.5];
    let compared = 0;
    for (const first of lengths) {
      for (const second of lengths) {
        for (const gap of [1, 6, 7, 13, 14, 20, 27, 28, 34, 35]) {
          for (const redness of [false, true]) {
            const before = [earlier(0, first, redness, "a"), earlier(Math.min(gap - 1, 9), second, false, "b")];
            const now = session(gap, 0.25, 3);
            const fast = flagSession(now, plan, before, false, rules);
            const real = evaluateSession(now, { plans: [plan], before, after: [], firstInArea: false, ...rules, timeZone: "UTC" });
            expect(fast.flags).toEqual(real.flags);
            expect(fast.tooClose.map((s) => s.id)).toEqual(real.tooClose.map((s) => s.id));
            expect(() => crossCheck(now, plan, before, false, rules, fast)).not.toThrow();
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(320);
  });

  it("asks for a patch test before the first session in an area only", () => {
    expect(flagSession(session(0), plan, [], true, rules).flags).toEqual(["no_patch_test"]);
    expect(flagSession(session(0), plan, [], false, rules).flags).toEqual([]);
  });

  it("stops the run when the fast path drifts from evaluateSession", () => {
    const before = [earlier(0, 1.0), earlier(9, 0.25)];
    const drifted = flagSession(session(19), plan, before.slice(-1), false, rules);
    expect(() => crossCheck(session(19), plan, before, false, rules, drifted)).toThrow(/drifted/);
  });
});
