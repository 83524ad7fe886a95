import { describe, expect, it } from "vitest";
import { DEFAULT_INTERVAL_FLOORS } from "@/lib/domain/clinic-settings";
import type { HomeCare } from "@/lib/data/home-care";
import { sessionWarnings } from "./session-warnings";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-20T10:00:00.000Z");
const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString();

function homeCare(o: Partial<HomeCare> = {}): HomeCare {
  return {
    generatedAt: at(0),
    timeZone: "UTC",
    patient: { id: "p", name: "Test", clinicianName: "Dr. Rivera" },
    plan: {
      version: 1,
      decision: "approved",
      status: "approved",
      areas: [{ area: "decolletage", maxNeedleMm: 0.25 }],
      minIntervalDays: 2,
      reviewBy: "2027-01-31",
    } as HomeCare["plan"],
    spacing: { intervalFloors: DEFAULT_INTERVAL_FLOORS, rednessExtraSpacingDays: 7 },
    pause: null,
    lastClearedAt: null,
    clinicPhone: null,
    areas: [],
    lastSessionByArea: { decolletage: { id: "s2", performedAt: at(10), needleMm: 0.25 } },
    sessionCount: 2,
    recentSessions: [
      { id: "s2", performedAt: at(10), area: "decolletage", needleMm: 0.25 },
      { id: "s1", performedAt: at(19), area: "decolletage", needleMm: 1.0 },
    ],
    ...o,
  };
}

const draft = { performedAt: at(0), area: "decolletage", needleMm: 0.25, sanitized: true, patchTestDone: true };

describe("sessionWarnings", () => {
  it("warns against an earlier longer-needle session behind a short one, as the server judges", () => {
    expect(sessionWarnings(homeCare(), draft)).toEqual(["This is too close to another décolletage session."]);
  });

  it("does not warn once every session in the area is far enough back", () => {
    const care = homeCare({ recentSessions: [{ id: "s2", performedAt: at(10), area: "decolletage", needleMm: 0.25 }] });
    expect(sessionWarnings(care, draft)).toEqual([]);
  });

  it("says the clinic asked the patient to stop while paused", () => {
    const care = homeCare({ pause: { reason: "warning_sign", since: at(1), alertId: "a", items: [] }, recentSessions: [] });
    expect(sessionWarnings(care, draft)).toContain("Your clinic had asked you to stop microneedling until they clear you to continue.");
  });
});
