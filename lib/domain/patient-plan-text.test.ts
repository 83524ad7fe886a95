import { describe, expect, it } from "vitest";
import { afterReportText, callClinic, pauseWhatToDo, PAUSE_WHY, planValidity, recentClearing, spacingReasonLines } from "./patient-plan-text";

describe("afterReportText", () => {
  it("says the clinic will see the report, never that it has been alerted, with the clinic's phone", () => {
    expect(afterReportText("020 7946 0000")).toBe(
      "Your clinic will see this the next time they open your record; if it gets worse, call your clinic on 020 7946 0000 or seek urgent care.",
    );
    expect(afterReportText("020 7946 0000")).not.toMatch(/alerted|notified|has been told/);
  });
  it("says 'call your clinic' when no phone is on record", () => {
    expect(afterReportText(null)).toBe("Your clinic will see this the next time they open your record; if it gets worse, call your clinic or seek urgent care.");
    expect(callClinic("")).toBe("call your clinic");
  });
});

describe("planValidity", () => {
  it("is 'valid through' the review date while the plan is in force, the review day included", () => {
    expect(planValidity({ status: "approved", reviewBy: "2026-11-27" })).toEqual({ ended: false, text: "valid through 27 Nov 2026" });
  });
  it("is 'ended on' the day after the last valid day once expired, naming the day it was valid through", () => {
    expect(planValidity({ status: "expired", reviewBy: "2026-11-27" })).toEqual({ ended: true, text: "ended on 28 Nov 2026 (it was valid through 27 Nov 2026)" });
    expect(planValidity({ status: "expired", reviewBy: "2026-12-31" })?.text).toBe("ended on 1 Jan 2027 (it was valid through 31 Dec 2026)");
  });
  it("says nothing without a review date", () => {
    expect(planValidity({ status: "approved", reviewBy: null })).toBeNull();
  });
});

describe("pause wording", () => {
  it("names why for each pause reason", () => {
    expect(PAUSE_WHY.warning_sign).toMatch(/warning sign you reported|You reported a warning sign/);
    expect(PAUSE_WHY.contraindication).toMatch(/health screening/);
    expect(PAUSE_WHY.health_change).toMatch(/change in your health/);
  });
  it("says what to do, with the phone when there is one", () => {
    expect(pauseWhatToDo("0161 496 0000", "Dr. Rivera")).toBe(
      "Do not microneedle any area until your clinic clears you. Call your clinic on 0161 496 0000 so Dr. Rivera can check on you; if it gets worse, seek urgent care.",
    );
    expect(pauseWhatToDo(null, "Dr. Rivera")).toMatch(/^Do not microneedle any area until your clinic clears you\. Call your clinic so Dr\. Rivera/);
  });
});

describe("recentClearing", () => {
  const now = new Date("2026-12-06T10:00:00Z");
  it("gives the clinic day of a clearing up to 30 clinic days ago", () => {
    expect(recentClearing("2026-12-06T09:00:00Z", now, "UTC")).toBe("2026-12-06");
    expect(recentClearing("2026-11-06T23:00:00Z", now, "UTC")).toBe("2026-11-06");
  });
  it("forgets a clearing older than 30 clinic days, and has none to tell without one", () => {
    expect(recentClearing("2026-11-05T23:59:00Z", now, "UTC")).toBeNull();
    expect(recentClearing(null, now, "UTC")).toBeNull();
  });
  it("counts days on the clinic's calendar", () => {
    // 23:30 UTC on 5 Nov is 6 Nov in Tokyo: 30 clinic days before 6 Dec.
    expect(recentClearing("2026-11-05T23:30:00Z", now, "Asia/Tokyo")).toBe("2026-11-06");
  });
});

describe("spacingReasonLines", () => {
  it("explains a longer needle and prolonged redness, and nothing for the plan's own interval", () => {
    expect(spacingReasonLines(["plan_interval"], 7)).toEqual([]);
    expect(spacingReasonLines(["longer_needle", "prolonged_redness"], 1)).toEqual([
      "Your last session used a longer needle than your plan allows, so the spacing for that needle length applies.",
      "Redness lasted more than 2 days after your last session, so your clinic adds 1 extra day.",
    ]);
    expect(spacingReasonLines(["prolonged_redness"], 7)).toEqual(["Redness lasted more than 2 days after your last session, so your clinic adds 7 extra days."]);
  });
});
