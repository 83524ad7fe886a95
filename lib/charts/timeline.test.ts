import { describe, expect, it } from "vitest";
import { charts, daysAgo, NOW, session } from "./patient-charts-test-data";
import { DAY_MS, gradeOn, labelLevel, occurredSymptoms, plottedGrade, SESSION_LANE, timeDomain, timelineRows, timeTicks } from "./timeline";

describe("timeDomain", () => {
  it("uses the range's own bounds, so an empty stretch stays visible", () => {
    expect(timeDomain(charts({ sessions: [session(3)] }))).toEqual([Date.parse(daysAgo(90)), Date.parse(NOW)]);
  });

  it("starts 'all' at the first record and widens a lone instant to a span", () => {
    expect(timeDomain(charts({ range: "all", from: null, sessions: [session(10)] }))).toEqual([Date.parse(daysAgo(10)), Date.parse(NOW)]);
    expect(timeDomain(charts({ range: "all", from: null }))).toEqual([Date.parse(NOW) - DAY_MS, Date.parse(NOW)]);
    expect(timeDomain(charts({ range: "all", from: NOW }))).toEqual([Date.parse(NOW) - DAY_MS, Date.parse(NOW) + DAY_MS]);
  });
});

describe("timelineRows", () => {
  it("is empty for an empty range", () => {
    expect(timelineRows(charts())).toEqual([]);
  });

  it("puts sessions and reactions on one time axis, oldest first, sessions in the marker lane", () => {
    const rows = timelineRows(
      charts({
        sessions: [session(10), session(3, { flags: ["interval_too_short"] })],
        reactions: [{ id: "r1", reportedAt: daysAgo(10, 6), sessionId: "s10", symptoms: [{ symptom: "erythema", grade: 2 }] }],
      }),
    );
    expect(rows.map((r) => (r.session ? `session ${r.session.id}` : `reaction ${r.reaction!.id}`))).toEqual(["session s10", "reaction r1", "session s3"]);
    expect(rows[0]!.marker).toBe(SESSION_LANE);
    expect(gradeOn(rows[1]!, "erythema")).toBe(2);
    // Lines break where a row says nothing about the symptom: sessions and other reports.
    expect(gradeOn(rows[0]!, "erythema")).toBeNull();
    expect(gradeOn(rows[1]!, "swelling")).toBeNull();
  });
});

describe("occurredSymptoms", () => {
  it("lists symptoms graded 1 or more, in the app's order, and skips ones only ever 'none'", () => {
    const reactions = [
      { id: "a", reportedAt: daysAgo(5), sessionId: null, symptoms: [{ symptom: "itching" as const, grade: 1 }, { symptom: "pain" as const, grade: 0 }] },
      { id: "b", reportedAt: daysAgo(4), sessionId: null, symptoms: [{ symptom: "erythema" as const, grade: 1 }] },
    ];
    expect(occurredSymptoms(reactions)).toEqual(["erythema", "itching"]);
  });
});

describe("timeTicks", () => {
  it("spaces ticks evenly with both ends included", () => {
    expect(timeTicks([0, 100], 5)).toEqual([0, 25, 50, 75, 100]);
    expect(timeTicks([0, 100], 1)).toEqual([0]);
  });
});

describe("plottedGrade", () => {
  it("draws symptoms sharing a grade in one report a little apart, and leaves a lone grade exact", () => {
    const [row] = timelineRows(
      charts({
        reactions: [
          { id: "r", reportedAt: daysAgo(2), sessionId: null, symptoms: [{ symptom: "pain", grade: 2 }, { symptom: "erythema", grade: 2 }, { symptom: "swelling", grade: 1 }] },
        ],
      }),
    );
    expect(plottedGrade(row!, "erythema")).toBeCloseTo(1.94);
    expect(plottedGrade(row!, "pain")).toBeCloseTo(2.06);
    expect(plottedGrade(row!, "swelling")).toBe(1);
    expect(plottedGrade(row!, "itching")).toBeNull();
  });
});

describe("labelLevel", () => {
  const isOff = (payload: unknown) => payload === "off";
  it("alternates the labels of off-plan markers closer than a label's width, and resets after a gap", () => {
    const points = [
      { x: 0, payload: "off" },
      { x: 20, payload: "on" },
      { x: 30, payload: "off" },
      { x: 60, payload: "off" },
      { x: 200, payload: "off" },
    ];
    expect(points.map((_, i) => labelLevel(points, i, isOff))).toEqual([0, 1, 1, 0, 0]);
  });
});
