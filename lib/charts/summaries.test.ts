import { describe, expect, it } from "vitest";
import { adherenceWeeks } from "./adherence";
import { charts, daysAgo, NOW, session } from "./patient-charts-test-data";
import { adherenceSummary, healingSummary, needleSummary, timelineSummary } from "./summaries";
import { timeDomain } from "./timeline";

const face05 = [{ area: "face", from: daysAgo(200), to: null, maxNeedleMm: 0.5 }];
const reaction = (days: number, hours: number, symptoms: { symptom: "erythema" | "swelling"; grade: number }[]) => ({
  id: `r${days}-${hours}`,
  reportedAt: daysAgo(days, hours),
  sessionId: `s${days}`,
  symptoms,
});

describe("timelineSummary", () => {
  it("says plainly that an empty range is empty", () => {
    expect(timelineSummary(charts({ range: "30d" }))).toBe("No sessions or reactions in the last 30 days.");
    expect(timelineSummary(charts({ range: "all" }))).toBe("No sessions or reactions have been recorded yet.");
  });

  it("counts one session without reactions", () => {
    expect(timelineSummary(charts({ sessions: [session(5)] }))).toBe("1 session (none off plan) and no reactions in the last 90 days.");
  });

  it("names the worst grade (its latest report) and the latest reaction", () => {
    const text = timelineSummary(
      charts({
        sessions: [session(20), session(10, { flags: ["interval_too_short"] })],
        reactions: [reaction(20, 8, [{ symptom: "swelling", grade: 2 }]), reaction(10, 6, [{ symptom: "erythema", grade: 2 }]), reaction(10, 50, [{ symptom: "erythema", grade: 1 }])],
      }),
    );
    expect(text).toBe("2 sessions (1 off plan) and 3 reactions in the last 90 days; the worst was moderate redness on 20 Jun 2025, and the latest reaction (22 Jun 2025) was mild at worst.");
  });
});

describe("needleSummary", () => {
  it("gives the current limit when the range has no sessions", () => {
    expect(needleSummary(charts({ limits: face05 }))).toBe("No sessions in the last 90 days; the approved maximum now is face 0.5 mm.");
  });

  it("reports sessions above the limit in force, and a plan change mid-range", () => {
    const limits = [
      { area: "face", from: daysAgo(200), to: daysAgo(30), maxNeedleMm: 0.25 },
      { area: "face", from: daysAgo(30), to: null, maxNeedleMm: 0.5 },
    ];
    expect(needleSummary(charts({ limits, sessions: [session(40), session(20)] }))).toBe(
      "1 of 2 sessions in the last 90 days used a longer needle than approved (longest 0.5 mm on the face on 21 May 2025, against 0.25 mm approved); the approved maximum changed once.",
    );
    expect(needleSummary(charts({ limits: face05, sessions: [session(3)] }))).toBe("The one session in the last 90 days stayed within the approved needle length.");
  });

  it("tells a pause apart from a plan change, still in force or cleared", () => {
    const limits = [
      { area: "face", from: daysAgo(90), to: daysAgo(10), maxNeedleMm: 0.5 },
      { area: "face", from: daysAgo(10), to: null, maxNeedleMm: 0 },
    ];
    expect(needleSummary(charts({ limits, pauses: [{ since: daysAgo(10), until: null, reason: "warning_sign" }] }))).toBe(
      "No sessions in the last 90 days; the approved maximum now is face none; paused for a warning sign since 20 Jun 2025 (still in force: no length allowed).",
    );
    const cleared = [
      { area: "face", from: daysAgo(90), to: daysAgo(40), maxNeedleMm: 0.25 },
      { area: "face", from: daysAgo(40), to: daysAgo(30), maxNeedleMm: 0.5 },
      { area: "face", from: daysAgo(30), to: daysAgo(20), maxNeedleMm: 0 },
      { area: "face", from: daysAgo(20), to: null, maxNeedleMm: 0.5 },
    ];
    const pauses = [
      { since: daysAgo(120), until: daysAgo(100), reason: "health_change" as const },
      { since: daysAgo(30), until: daysAgo(20), reason: "contraindication" as const },
    ];
    expect(needleSummary(charts({ limits: cleared, pauses, sessions: [session(3)] }))).toBe(
      "The one session in the last 90 days stayed within the approved needle length; the approved maximum changed once; paused 2 times, the latest for a new contraindication from 31 May 2025 to 10 Jun 2025.",
    );
  });

  it("says when a session happened with nothing approved", () => {
    expect(needleSummary(charts({ sessions: [session(3, { needleMm: 0.25 })] }))).toContain("when none was approved");
  });
});

describe("healingSummary", () => {
  const entry = (days: number, healed: number | null) => ({ sessionId: `s${days}`, performedAt: daysAgo(days), area: "face", days: healed });

  it("handles an empty range and sessions all still healing", () => {
    expect(healingSummary("30d", [])).toBe("No session was followed by reactions in the last 30 days.");
    expect(healingSummary("30d", [entry(2, null)])).toBe("1 session with reactions in the last 30 days, none healed yet.");
  });

  it("names a slowing recovery and the sessions still healing", () => {
    expect(healingSummary("90d", [entry(40, 2), entry(30, 2), entry(20, 4), entry(10, 5), entry(2, null)])).toBe(
      "After 4 healed sessions in the last 90 days, healing took 3.3 days on average, getting slower (from about 1.6 to 4.9 days); 1 session is still healing.",
    );
  });

  it("leaves the trend out with a single healed session", () => {
    expect(healingSummary("90d", [entry(10, 2)])).toBe("After 1 healed session in the last 90 days, healing took 2 days on average.");
  });
});

describe("adherenceSummary", () => {
  it("averages per area over every week and compares with the interval", () => {
    const data = charts({ range: "30d", from: daysAgo(27), limits: face05, sessions: [session(21), session(14), session(7), session(0.5)] });
    const { areas, weeks } = adherenceWeeks(data.sessions, data.limits, timeDomain(data), 7);
    expect(adherenceSummary("30d", areas, weeks, 7)).toBe(
      "Sessions per week on average in the last 30 days: face 0.8; while approved, the plan allows 1 a week per area (every 7 days), and no week went over.",
    );
  });

  it("names the weeks that went over, and an empty range", () => {
    const data = charts({ range: "30d", from: daysAgo(27), to: NOW, limits: face05, sessions: [session(2), session(1)] });
    const { areas, weeks } = adherenceWeeks(data.sessions, data.limits, timeDomain(data), 7);
    expect(adherenceSummary("30d", areas, weeks, 7)).toContain("1 week went over, the latest from 23 Jun 2025");
    expect(adherenceSummary("30d", [], weeks.map((w) => ({ ...w, counts: {} })), 7)).toBe("No sessions in the last 30 days.");
  });
});
