import { describe, expect, it } from "vitest";
import { addMonths, todayIso } from "./dates";
import { diffPlans, type ComparablePlan } from "./plan-diff";
import { derivePlanStatus } from "./plan-status";

describe("derivePlanStatus", () => {
  const today = "2026-11-21";
  it("is pending without a decision", () => {
    expect(derivePlanStatus(null, today)).toBe("pending");
  });
  it("keeps an approval through its review date, then expires it", () => {
    expect(derivePlanStatus({ decision: "approved", reviewBy: "2026-11-21" }, today)).toBe("approved");
    expect(derivePlanStatus({ decision: "approved", reviewBy: "2026-11-20" }, today)).toBe("expired");
  });
  it("reports denials and suspensions as they are", () => {
    expect(derivePlanStatus({ decision: "denied", reviewBy: null }, today)).toBe("denied");
    expect(derivePlanStatus({ decision: "suspended", reviewBy: "2020-01-01" }, today)).toBe("suspended");
  });
});

describe("todayIso", () => {
  it("gives the calendar date in the clinic's time zone", () => {
    const moment = new Date("2026-11-22T03:00:00Z");
    expect(todayIso(moment)).toBe("2026-11-22");
    expect(todayIso(moment, "America/Los_Angeles")).toBe("2026-11-21");
    expect(todayIso(moment, "Asia/Tokyo")).toBe("2026-11-22");
  });
});

describe("addMonths", () => {
  it("clamps to the end of shorter months", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-21", 12)).toBe("2027-11-21");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
  });
});

describe("diffPlans", () => {
  const v1: ComparablePlan = {
    version: 1,
    decision: "approved",
    areas: [{ area: "face", maxNeedleMm: 0.5 }, { area: "neck", maxNeedleMm: 0.25 }],
    minIntervalDays: 7,
    reviewBy: "2027-02-19",
    instructions: "Sanitize.",
    reason: null,
    contraindicationOverride: null,
    intervalOverrideReason: null,
  };

  it("lists only what changed, in words", () => {
    const v2 = { ...v1, version: 2, areas: [{ area: "face", maxNeedleMm: 0.75 }], minIntervalDays: 14 };
    expect(diffPlans(v1, v2)).toEqual([
      { field: "Face", before: "up to 0.5 mm", after: "up to 0.75 mm" },
      { field: "Neck", before: "up to 0.25 mm", after: "not approved" },
      { field: "Minimum interval", before: "7 days", after: "14 days" },
    ]);
  });

  it("shows a suspension with its reason", () => {
    const v2 = { ...v1, version: 2, decision: "suspended", areas: [], minIntervalDays: null, reviewBy: null, instructions: null, reason: "Infection" };
    const fields = diffPlans(v1, v2).map((c) => c.field);
    expect(fields).toEqual(["Decision", "Face", "Neck", "Minimum interval", "Review by", "Instructions", "Reason"]);
  });

  it("is empty for identical versions", () => {
    expect(diffPlans(v1, { ...v1, version: 2 })).toEqual([]);
  });
});
