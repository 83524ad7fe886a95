import { describe, expect, it } from "vitest";
import { computeSessionFlags, nextAllowedAt, type PlanInForce } from "./session-flags";

const plan: PlanInForce = {
  version: 1,
  decision: "approved",
  areas: [{ area: "face", maxNeedleMm: 0.5 }, { area: "neck", maxNeedleMm: 0.25 }],
  minIntervalDays: 7,
  reviewBy: "2027-02-19",
};
const at = "2026-11-21T10:00:00.000Z";
const daysBefore = (days: number) => new Date(Date.parse(at) - days * 86_400_000).toISOString();

describe("computeSessionFlags", () => {
  it("flags nothing for an on-plan session", () => {
    expect(computeSessionFlags({ performedAt: at, area: "face", needleMm: 0.5 }, plan, { performedAt: daysBefore(7) })).toEqual([]);
  });

  it("accepts exactly the minimum interval and flags 6.99 days", () => {
    expect(computeSessionFlags({ performedAt: at, area: "face", needleMm: 0.25 }, plan, { performedAt: daysBefore(7) })).toEqual([]);
    expect(computeSessionFlags({ performedAt: at, area: "face", needleMm: 0.25 }, plan, { performedAt: daysBefore(6.99) })).toEqual([
      "interval_too_short",
    ]);
  });

  it("flags a needle above the area's maximum, not one equal to it", () => {
    expect(computeSessionFlags({ performedAt: at, area: "neck", needleMm: 0.25 }, plan, null)).toEqual([]);
    expect(computeSessionFlags({ performedAt: at, area: "neck", needleMm: 0.3 }, plan, null)).toEqual(["needle_exceeds_plan"]);
  });

  it("flags an area the plan does not approve, and combines flags", () => {
    expect(computeSessionFlags({ performedAt: at, area: "scalp", needleMm: 0.25 }, plan, { performedAt: daysBefore(1) })).toEqual([
      "area_not_approved",
      "interval_too_short",
    ]);
  });

  it("flags no active plan: none, denied, suspended, expired at the session's date", () => {
    const s = { performedAt: at, area: "face", needleMm: 0.25 };
    expect(computeSessionFlags(s, null, null)).toEqual(["no_active_plan"]);
    expect(computeSessionFlags(s, { ...plan, decision: "denied", areas: [] }, null)).toEqual(["no_active_plan"]);
    expect(computeSessionFlags(s, { ...plan, decision: "suspended", areas: [] }, null)).toEqual(["no_active_plan"]);
    expect(computeSessionFlags(s, { ...plan, reviewBy: "2026-11-20" }, null)).toEqual(["no_active_plan"]);
    expect(computeSessionFlags(s, { ...plan, reviewBy: "2026-11-21" }, null)).toEqual([]);
  });

  it("takes expiry on the clinic's calendar, not UTC's", () => {
    const evening = { performedAt: "2026-11-22T01:30:00.000Z", area: "face", needleMm: 0.25 };
    const lastDay = { ...plan, reviewBy: "2026-11-21" };
    expect(computeSessionFlags(evening, lastDay, null)).toEqual(["no_active_plan"]);
    expect(computeSessionFlags(evening, lastDay, null, "America/New_York")).toEqual([]);
  });

  it("judges each session by the version in force when it was performed", () => {
    const v2: PlanInForce = { ...plan, version: 2, areas: [{ area: "face", maxNeedleMm: 0.25 }], minIntervalDays: 14 };
    const session = { performedAt: at, area: "face", needleMm: 0.5 };
    expect(computeSessionFlags(session, plan, { performedAt: daysBefore(10) })).toEqual([]);
    expect(computeSessionFlags(session, v2, { performedAt: daysBefore(10) })).toEqual(["needle_exceeds_plan", "interval_too_short"]);
  });
});

describe("nextAllowedAt", () => {
  const now = new Date(at);
  it("is null without a previous session or when the interval has passed", () => {
    expect(nextAllowedAt(null, 7, now)).toBeNull();
    expect(nextAllowedAt(daysBefore(7), 7, now)).toBeNull();
  });
  it("is the previous session plus the interval otherwise", () => {
    expect(nextAllowedAt(daysBefore(2), 7, now)).toBe(new Date(Date.parse(at) + 5 * 86_400_000).toISOString());
  });
});
