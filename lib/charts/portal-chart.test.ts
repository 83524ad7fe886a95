import { describe, expect, it } from "vitest";
import { SESSION_LANE, timeTicks, toPortalChart } from "./portal-chart";

const charts = {
  from: "2026-01-01T00:00:00.000Z",
  to: "2026-03-31T00:00:00.000Z",
  sessions: [
    { id: "s2", performedAt: "2026-02-01T09:00:00.000Z", area: "neck", needleMm: 0.25, flags: [] },
    { id: "s1", performedAt: "2026-01-10T09:00:00.000Z", area: "face", needleMm: 0.5, flags: [] },
  ],
  reactions: [
    {
      id: "r1",
      reportedAt: "2026-01-10T15:00:00.000Z",
      sessionId: "s1",
      symptoms: [
        { symptom: "dryness" as const, grade: 1 },
        { symptom: "erythema" as const, grade: 1 },
        { symptom: "pain" as const, grade: 0 },
      ],
    },
    { id: "r2", reportedAt: "2026-01-12T15:00:00.000Z", sessionId: "s1", symptoms: [{ symptom: "erythema" as const, grade: 0 }] },
  ],
  pauses: [],
};

describe("toPortalChart", () => {
  it("gives one marker row per session and one row per reaction report, oldest first", () => {
    const data = toPortalChart(charts);
    expect(data.sessionCount).toBe(2);
    expect(data.rows.map((r) => r.kind)).toEqual(["session", "reaction", "reaction", "session"]);
    expect(data.rows.filter((r) => r.kind === "session").every((r) => r.lane === SESSION_LANE)).toBe(true);
    expect(data.from).toBe(Date.parse(charts.from));
  });

  it("draws only symptoms ever above none, in the app's symptom order, keeping their return to 0", () => {
    const data = toPortalChart(charts);
    expect(data.symptoms).toEqual(["erythema", "dryness"]);
    const [first, second] = data.rows.filter((r) => r.kind === "reaction");
    expect(first!.grades).toEqual({ erythema: 1, dryness: 1 });
    expect(second!.grades).toEqual({ erythema: 0 });
    expect(second!.erythema).toBe(0);
  });

  it("nudges symptoms of one report that share a grade apart, around the true grade", () => {
    const first = toPortalChart(charts).rows.find((r) => r.kind === "reaction")!;
    const a = first.erythema as number;
    const b = first.dryness as number;
    expect(a).not.toBe(b);
    expect((a + b) / 2).toBeCloseTo(1);
  });

  it("handles an empty range with no start", () => {
    const data = toPortalChart({ from: null, to: charts.to, sessions: [], reactions: [], pauses: [] });
    expect(data).toMatchObject({ from: data.to, symptoms: [], rows: [], sessionCount: 0, pauses: [] });
    expect(timeTicks(data.from, data.to)).toEqual([data.to]);
  });

  it("shades each pause clamped to the range, keeping its real bounds for the words", () => {
    const pauses = [
      { since: "2025-12-20T00:00:00.000Z", until: "2026-01-10T00:00:00.000Z", reason: "contraindication" as const },
      { since: "2026-03-30T00:00:00.000Z", until: null, reason: "warning_sign" as const },
    ];
    expect(toPortalChart({ ...charts, pauses }).pauses).toEqual([
      { x1: Date.parse(charts.from), x2: Date.parse(pauses[0]!.until!), since: Date.parse(pauses[0]!.since), until: Date.parse(pauses[0]!.until!), reason: "contraindication" },
      { x1: Date.parse(pauses[1]!.since), x2: Date.parse(charts.to), since: Date.parse(pauses[1]!.since), until: null, reason: "warning_sign" },
    ]);
  });

  it("spaces date ticks evenly over the range", () => {
    expect(timeTicks(0, 300, 4)).toEqual([0, 100, 200, 300]);
  });
});
