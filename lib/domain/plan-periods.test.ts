import { describe, expect, it } from "vitest";
import { limitPeriods, type DecidedVersion } from "./plan-periods";

const approved = (decidedAt: string, maxNeedleMm: number, reviewBy = "2027-01-01"): DecidedVersion => ({
  decision: "approved",
  areas: [{ area: "face", maxNeedleMm }],
  reviewBy,
  decidedAt,
});
const now = "2026-11-21T12:00:00.000Z";

describe("limitPeriods", () => {
  it("steps where a plan version changed, mid-range, and leaves the last one open", () => {
    const versions = [approved("2026-09-01T09:00:00.000Z", 0.25), approved("2026-10-15T09:00:00.000Z", 0.5)];
    expect(limitPeriods(versions, { from: "2026-10-01T00:00:00.000Z", to: now })).toEqual([
      { area: "face", from: "2026-10-01T00:00:00.000Z", to: "2026-10-15T09:00:00.000Z", maxNeedleMm: 0.25 },
      { area: "face", from: "2026-10-15T09:00:00.000Z", to: null, maxNeedleMm: 0.5 },
    ]);
  });

  it("shows a suspended period and the time before any decision as 0", () => {
    const versions: DecidedVersion[] = [
      approved("2026-10-01T09:00:00.000Z", 0.5),
      { decision: "suspended", areas: [], reviewBy: null, decidedAt: "2026-10-20T09:00:00.000Z" },
      approved("2026-11-10T09:00:00.000Z", 0.5),
    ];
    expect(limitPeriods(versions, { from: "2026-09-21T00:00:00.000Z", to: now })).toEqual([
      { area: "face", from: "2026-09-21T00:00:00.000Z", to: "2026-10-01T09:00:00.000Z", maxNeedleMm: 0 },
      { area: "face", from: "2026-10-01T09:00:00.000Z", to: "2026-10-20T09:00:00.000Z", maxNeedleMm: 0.5 },
      { area: "face", from: "2026-10-20T09:00:00.000Z", to: "2026-11-10T09:00:00.000Z", maxNeedleMm: 0 },
      { area: "face", from: "2026-11-10T09:00:00.000Z", to: null, maxNeedleMm: 0.5 },
    ]);
  });

  it("drops to 0 the day after the review date, on the clinic's calendar", () => {
    const versions = [approved("2026-10-01T09:00:00.000Z", 0.5, "2026-11-10")];
    expect(limitPeriods(versions, { from: "2026-10-01T00:00:00.000Z", to: now }, [], "America/New_York").slice(1)).toEqual([
      { area: "face", from: "2026-10-01T09:00:00.000Z", to: "2026-11-11T05:00:00.000Z", maxNeedleMm: 0.5 },
      { area: "face", from: "2026-11-11T05:00:00.000Z", to: null, maxNeedleMm: 0 },
    ]);
  });

  it("gives areas only used off-plan a 0 line, and leaves out periods before the range", () => {
    const versions = [approved("2026-01-01T09:00:00.000Z", 0.5), approved("2026-06-01T09:00:00.000Z", 0.75)];
    expect(limitPeriods(versions, { from: "2026-10-01T00:00:00.000Z", to: now }, ["neck"])).toEqual([
      { area: "face", from: "2026-10-01T00:00:00.000Z", to: null, maxNeedleMm: 0.75 },
      { area: "neck", from: "2026-10-01T00:00:00.000Z", to: null, maxNeedleMm: 0 },
    ]);
  });

  it("is empty without any version or area", () => {
    expect(limitPeriods([], { from: "2026-10-01T00:00:00.000Z", to: now })).toEqual([]);
  });
});
