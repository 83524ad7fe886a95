import { describe, expect, it } from "vitest";
import { limitAt, needleAreas, needleRows, sessionsOverLimit, zeroSpans } from "./limits";
import { charts, daysAgo, NOW, session } from "./patient-charts-test-data";

const domain: [number, number] = [Date.parse(daysAgo(90)), Date.parse(NOW)];

// A plan approved before the range, face raised from 0.25 to 0.5 mm mid-range, then suspended.
const limits = [
  { area: "face", from: daysAgo(120), to: daysAgo(40), maxNeedleMm: 0.25 },
  { area: "neck", from: daysAgo(120), to: daysAgo(40), maxNeedleMm: 0.25 },
  { area: "face", from: daysAgo(40), to: daysAgo(10), maxNeedleMm: 0.5 },
  { area: "face", from: daysAgo(10), to: null, maxNeedleMm: 0 },
];

describe("limitAt", () => {
  it("answers the period in force, 0 outside every period", () => {
    expect(limitAt(limits, "face", Date.parse(daysAgo(50)))).toBe(0.25);
    expect(limitAt(limits, "face", Date.parse(daysAgo(40)))).toBe(0.5);
    expect(limitAt(limits, "face", Date.parse(daysAgo(1)))).toBe(0);
    expect(limitAt(limits, "neck", Date.parse(daysAgo(20)))).toBe(0);
    expect(limitAt([], "face", Date.parse(NOW))).toBe(0);
  });
});

describe("needleRows", () => {
  it("starts one step per limit period (clamped to the axis) and carries every area's limit on every row", () => {
    const rows = needleRows(charts({ limits, sessions: [session(30, { needleMm: 0.75 })] }), domain);
    const steps = rows.flatMap((r) => r.stepStarts);
    expect(steps).toHaveLength(limits.length);
    expect(rows[0]).toMatchObject({ t: domain[0], stepStarts: ["face", "neck"], limits: { face: 0.25, neck: 0.25 } });
    const sessionRow = rows.find((r) => r.session)!;
    expect(sessionRow.limits).toEqual({ face: 0.5, neck: 0 });
    expect(rows.at(-1)).toMatchObject({ t: domain[1], limits: { face: 0, neck: 0 } });
  });

  it("draws the limit alone when the range has no sessions, and nothing when there is no plan", () => {
    expect(needleRows(charts({ limits }), domain).some((r) => r.session)).toBe(false);
    expect(needleRows(charts(), domain)).toEqual([{ t: domain[1], stepStarts: [], limits: {} }]);
  });

  it("lists areas in the app's order", () => {
    expect(needleAreas(charts({ limits, sessions: [session(3, { area: "scalp" })] }))).toEqual(["face", "neck", "scalp"]);
  });
});

describe("zeroSpans", () => {
  it("shades suspended or denied periods, clamped to the axis, grouping areas that share them", () => {
    const denied = [
      { area: "neck", from: daysAgo(200), to: daysAgo(60), maxNeedleMm: 0 },
      { area: "face", from: daysAgo(200), to: daysAgo(60), maxNeedleMm: 0 },
      ...limits,
    ];
    expect(zeroSpans(denied, domain)).toEqual([
      { x1: domain[0], x2: Date.parse(daysAgo(60)), areas: ["face", "neck"] },
      { x1: Date.parse(daysAgo(10)), x2: domain[1], areas: ["face"] },
    ]);
  });
});

describe("sessionsOverLimit", () => {
  it("judges each session by the limit in force at the time", () => {
    const sessions = [session(50, { needleMm: 0.5 }), session(30, { needleMm: 0.5 }), session(5, { needleMm: 0.25 })];
    expect(sessionsOverLimit({ sessions, limits }).map((s) => s.id)).toEqual(["s50", "s5"]);
  });
});
