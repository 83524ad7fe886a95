import { describe, expect, it } from "vitest";
import { zeroSpans } from "./limits";
import { pauseAt, pauseLabel, pauseSpans, splitAtPauses, subtractSpans } from "./pauses";
import { daysAgo, NOW } from "./patient-charts-test-data";
import type { ChartPause } from "./types";

// The range is the last 90 days: face 0.25 mm from before it, raised to 0.5 mm 40 days ago.
const FROM = daysAgo(90);
const face = [
  { area: "face", from: FROM, to: daysAgo(40), maxNeedleMm: 0.25 },
  { area: "face", from: daysAgo(40), to: null, maxNeedleMm: 0.5 },
];
const pause = (since: string, until: string | null, reason: ChartPause["reason"] = "warning_sign"): ChartPause => ({ since, until, reason });

describe("splitAtPauses", () => {
  it("leaves the steps alone when nothing was paused", () => {
    expect(splitAtPauses(face, [], NOW)).toEqual(face);
  });

  it("cuts a pause inside one plan version out of it, with the plan's length on both sides", () => {
    expect(splitAtPauses(face, [pause(daysAgo(30), daysAgo(20))], NOW)).toEqual([
      face[0],
      { area: "face", from: daysAgo(40), to: daysAgo(30), maxNeedleMm: 0.5 },
      { area: "face", from: daysAgo(30), to: daysAgo(20), maxNeedleMm: 0 },
      { area: "face", from: daysAgo(20), to: null, maxNeedleMm: 0.5 },
    ]);
  });

  it("allows nothing from the start of the range when the pause began before it", () => {
    expect(splitAtPauses(face, [pause(daysAgo(120), daysAgo(60))], NOW)).toEqual([
      { area: "face", from: FROM, to: daysAgo(60), maxNeedleMm: 0 },
      { area: "face", from: daysAgo(60), to: daysAgo(40), maxNeedleMm: 0.25 },
      face[1],
    ]);
  });

  it("allows nothing to the end of the range while the pause is open, or was cleared after the range ended", () => {
    const open = [face[0], { area: "face", from: daysAgo(40), to: daysAgo(5), maxNeedleMm: 0.5 }, { area: "face", from: daysAgo(5), to: null, maxNeedleMm: 0 }];
    expect(splitAtPauses(face, [pause(daysAgo(5), null)], NOW)).toEqual(open);
    expect(splitAtPauses(face, [pause(daysAgo(5), new Date(Date.parse(NOW) + 60_000).toISOString())], NOW)).toEqual(open);
  });

  it("runs one paused step across a plan change, each plan's length resuming only outside it", () => {
    expect(splitAtPauses(face, [pause(daysAgo(50), daysAgo(35), "contraindication")], NOW)).toEqual([
      { area: "face", from: FROM, to: daysAgo(50), maxNeedleMm: 0.25 },
      { area: "face", from: daysAgo(50), to: daysAgo(35), maxNeedleMm: 0 },
      { area: "face", from: daysAgo(35), to: null, maxNeedleMm: 0.5 },
    ]);
  });

  it("ends exactly at a plan change without an empty step", () => {
    expect(splitAtPauses(face, [pause(daysAgo(50), daysAgo(40))], NOW)).toEqual([
      { area: "face", from: FROM, to: daysAgo(50), maxNeedleMm: 0.25 },
      { area: "face", from: daysAgo(50), to: daysAgo(40), maxNeedleMm: 0 },
      face[1],
    ]);
  });

  it("merges a pause into a neighbouring suspension, and overlapping pauses into one stretch", () => {
    const suspended = [
      { area: "face", from: FROM, to: daysAgo(40), maxNeedleMm: 0.5 },
      { area: "face", from: daysAgo(40), to: null, maxNeedleMm: 0 },
    ];
    expect(splitAtPauses(suspended, [pause(daysAgo(45), daysAgo(10))], NOW)).toEqual([
      { area: "face", from: FROM, to: daysAgo(45), maxNeedleMm: 0.5 },
      { area: "face", from: daysAgo(45), to: null, maxNeedleMm: 0 },
    ]);
    expect(splitAtPauses(face, [pause(daysAgo(30), daysAgo(20)), pause(daysAgo(25), daysAgo(15), "health_change"), pause(daysAgo(22), daysAgo(21))], NOW)).toEqual([
      face[0],
      { area: "face", from: daysAgo(40), to: daysAgo(30), maxNeedleMm: 0.5 },
      { area: "face", from: daysAgo(30), to: daysAgo(15), maxNeedleMm: 0 },
      { area: "face", from: daysAgo(15), to: null, maxNeedleMm: 0.5 },
    ]);
  });

  it("pauses every area", () => {
    const twoAreas = [...face, { area: "neck", from: FROM, to: null, maxNeedleMm: 0.25 }];
    expect(splitAtPauses(twoAreas, [pause(daysAgo(10), null)], NOW).filter((l) => l.to === null)).toEqual([
      { area: "face", from: daysAgo(10), to: null, maxNeedleMm: 0 },
      { area: "neck", from: daysAgo(10), to: null, maxNeedleMm: 0 },
    ]);
  });
});

describe("pauses on the axis", () => {
  const domain: [number, number] = [Date.parse(FROM), Date.parse(NOW)];
  const pauses = [pause(daysAgo(120), daysAgo(60)), pause(daysAgo(5), null, "health_change")];

  it("finds the pause in force at an instant, its end excluded", () => {
    expect(pauseAt(pauses, Date.parse(daysAgo(70)))).toBe(pauses[0]);
    expect(pauseAt(pauses, Date.parse(daysAgo(60)))).toBeNull();
    expect(pauseAt(pauses, Date.parse(NOW))).toBe(pauses[1]);
    expect(pauseLabel("warning_sign")).toBe("Paused: warning sign");
  });

  it("clamps paused spans to the axis", () => {
    expect(pauseSpans(pauses, domain)).toEqual([
      { x1: domain[0], x2: Date.parse(daysAgo(60)), reason: "warning_sign" },
      { x1: Date.parse(daysAgo(5)), x2: domain[1], reason: "health_change" },
    ]);
  });

  it("shades a suspension apart from the pause inside it", () => {
    const limits = [{ area: "face", from: FROM, to: null, maxNeedleMm: 0 }];
    expect(zeroSpans(limits, domain, [pause(daysAgo(30), daysAgo(20))])).toEqual([
      { x1: domain[0], x2: Date.parse(daysAgo(30)), areas: ["face"] },
      { x1: Date.parse(daysAgo(20)), x2: domain[1], areas: ["face"] },
    ]);
    expect(subtractSpans(0, 10, [{ x1: -5, x2: 20 }])).toEqual([]);
    expect(subtractSpans(0, 10, [{ x1: 2, x2: 4 }, { x1: 8, x2: 12 }])).toEqual([
      [0, 2],
      [4, 8],
    ]);
  });
});
