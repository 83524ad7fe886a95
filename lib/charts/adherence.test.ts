import { describe, expect, it } from "vitest";
import { adherenceWeeks, allowedPerWeek, weekStart } from "./adherence";
import { session } from "./patient-charts-test-data";

describe("allowedPerWeek", () => {
  it("is the most sessions a calendar week can hold at the interval", () => {
    expect([1, 2, 3, 7, 14, 28].map(allowedPerWeek)).toEqual([7, 4, 3, 1, 1, 1]);
    expect(allowedPerWeek(null)).toBeNull();
    expect(allowedPerWeek(0)).toBeNull();
  });
});

describe("weekStart", () => {
  it("is the Monday of the week in UTC", () => {
    expect(weekStart(Date.parse("2025-06-30T12:00:00Z"))).toBe("2025-06-30");
    expect(weekStart(Date.parse("2025-06-29T23:59:00Z"))).toBe("2025-06-23");
    expect(weekStart(Date.parse("2025-01-01T00:00:00Z"))).toBe("2024-12-30");
  });

  it("takes the week on the clinic's calendar: Sunday 23:30 UTC is already Monday in Berlin", () => {
    expect(weekStart(Date.parse("2025-06-29T23:30:00Z"), "Europe/Berlin")).toBe("2025-06-30");
    expect(weekStart(Date.parse("2025-06-30T03:00:00Z"), "America/New_York")).toBe("2025-06-23");
  });
});

// NOW in test-data is Monday 30 June 2025; 21 days back is Monday 9 June.
const week = (iso: string) => Date.parse(iso);
const domain: [number, number] = [week("2025-06-09T12:00:00Z"), week("2025-06-30T12:00:00Z")];
const approvedFace = [{ area: "face", from: "2025-01-01T00:00:00Z", to: null, maxNeedleMm: 0.5 }];

describe("adherenceWeeks", () => {
  it("lists every week of the axis even without sessions", () => {
    const { areas, weeks } = adherenceWeeks([], approvedFace, domain, 7);
    expect(areas).toEqual([]);
    expect(weeks.map((w) => [w.week, w.allowed, w.over])).toEqual([
      ["2025-06-09", 1, []],
      ["2025-06-16", 1, []],
      ["2025-06-23", 1, []],
      ["2025-06-30", 1, []],
    ]);
  });

  it("counts per area and flags a week over the interval's allowance", () => {
    const sessions = [session(20, { id: "a" }), session(17, { id: "b" }), session(16, { id: "n", area: "neck" })];
    const { areas, weeks } = adherenceWeeks(sessions, approvedFace, domain, 7);
    expect(areas).toEqual(["face", "neck"]);
    expect(weeks[0]).toMatchObject({ week: "2025-06-09", counts: { face: 2, neck: 1 }, allowed: 1 });
    expect(weeks[1]).toMatchObject({ counts: { face: 0, neck: 0 }, over: [] });
    const busy = weeks[0]!;
    // Neck was never approved: any neck session is over; face went over its one a week.
    expect(busy.over).toEqual(["face", "neck"]);
  });

  it("allows none in a week with no approved length, e.g. after a suspension mid-range", () => {
    const suspended = [
      { area: "face", from: "2025-01-01T00:00:00Z", to: "2025-06-16T00:00:00Z", maxNeedleMm: 0.5 },
      { area: "face", from: "2025-06-16T00:00:00Z", to: null, maxNeedleMm: 0 },
    ];
    const { weeks } = adherenceWeeks([session(10)], suspended, domain, 7);
    expect(weeks.map((w) => w.allowed)).toEqual([1, 0, 0, 0]);
    expect(weeks.filter((w) => w.over.length > 0).map((w) => w.week)).toEqual(["2025-06-16"]);
  });

  it("leaves the allowance unknown when the plan sets no interval", () => {
    const { weeks } = adherenceWeeks([session(3), session(2)], approvedFace, domain, null);
    expect(weeks.every((w) => w.allowed === null && w.over.length === 0)).toBe(true);
  });
});
