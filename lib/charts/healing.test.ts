import { describe, expect, it } from "vitest";
import { healingRows, healingTrend } from "./healing";
import { daysAgo, NOW } from "./patient-charts-test-data";

const entry = (days: number, healed: number | null) => ({ sessionId: `s${days}`, performedAt: daysAgo(days), area: "face", days: healed });

describe("healingTrend", () => {
  it("needs two healed sessions", () => {
    expect(healingTrend([])).toBeNull();
    expect(healingTrend([entry(10, 2)])).toBeNull();
    expect(healingTrend([entry(20, 2), entry(10, null)])).toBeNull();
  });

  it("names a rise of a day or more as slower, ignoring still-healing sessions", () => {
    const trend = healingTrend([entry(40, 2), entry(30, 2), entry(20, 4), entry(10, 5), entry(2, null)]);
    expect(trend?.direction).toBe("slower");
    expect(trend!.last).toBeGreaterThan(trend!.first + 2);
  });

  it("calls small wobbles steady and a fall faster", () => {
    expect(healingTrend([entry(30, 2), entry(20, 3), entry(10, 2)])?.direction).toBe("steady");
    expect(healingTrend([entry(30, 5), entry(20, 3), entry(10, 2)])?.direction).toBe("faster");
  });
});

describe("healingRows", () => {
  it("orders by session, and shows a still-healing session as days so far (at least 1)", () => {
    const rows = healingRows([entry(3, null), entry(20, 2), entry(0.2, null)], NOW);
    expect(rows.map((r) => [r.sessionId, r.days, r.soFar])).toEqual([
      ["s20", 2, null],
      ["s3", null, 3],
      ["s0.2", null, 1],
    ]);
    expect(rows.every((r) => r.trend === null)).toBe(true);
  });

  it("fits the trend at every row once two sessions have healed", () => {
    const rows = healingRows([entry(30, 2), entry(20, 4), entry(10, null)], NOW);
    expect(rows.map((r) => r.trend)).toEqual([2, 4, 6]);
  });
});
