import { describe, expect, it } from "vitest";
import { DEFAULT_INTERVAL_FLOORS } from "./clinic-settings";
import { addDays } from "./dates";
import { computeSessionFlags, evaluateSession, nextAllowedInArea, requiredSpacing, spacingWindowDays, type AreaSession, type PlanInForce, type SessionContext } from "./session-flags";

const plan: NonNullable<PlanInForce> = {
  version: 1,
  decision: "approved",
  areas: [{ area: "face", maxNeedleMm: 0.5 }, { area: "neck", maxNeedleMm: 0.25 }],
  minIntervalDays: 7,
  reviewBy: "2027-02-19",
};
const at = "2026-11-21T10:00:00.000Z";
const DAY = 86_400_000;
const daysBefore = (days: number) => new Date(Date.parse(at) - days * DAY).toISOString();
/** The start of the clinic day (UTC here) `days` after the session's day. */
const daysAfter = (days: number) => `${addDays(at.slice(0, 10), days)}T00:00:00.000Z`;
const earlier = (days: number, needleMm = 0.5, extra: Partial<AreaSession> = {}): AreaSession => ({ performedAt: daysBefore(days), needleMm, ...extra });
const rules = { intervalFloors: DEFAULT_INTERVAL_FLOORS, rednessExtraSpacingDays: 7 };

/** A session that had its patch test and was sanitized, so only the rule under test can flag it. */
const session = (o: Partial<{ area: string; needleMm: number; sanitized: boolean; patchTestDone: boolean | null }> = {}) => ({
  performedAt: at,
  area: "face",
  needleMm: 0.5,
  sanitized: true,
  patchTestDone: true,
  ...o,
});
const ctx = (o: Partial<SessionContext> = {}): SessionContext => ({ plans: [plan], before: [earlier(30)], after: [], firstInArea: false, ...rules, ...o });
/** The nearest earlier session in the area is `previous` (and the only one in the window). */
const after1 = (previous: AreaSession, o: Partial<SessionContext> = {}) => ctx({ before: [previous], ...o });
const flags = (s = session(), c = ctx()) => computeSessionFlags(s, c);

describe("plan limits", () => {
  it("flags nothing for an on-plan session", () => {
    expect(flags()).toEqual([]);
  });

  it("flags a needle above the area's maximum, not one equal to it", () => {
    expect(flags(session({ area: "neck", needleMm: 0.25 }))).toEqual([]);
    expect(flags(session({ area: "neck", needleMm: 0.3 }))).toEqual(["needle_exceeds_plan"]);
  });

  it("flags an area the plan does not approve, and combines flags", () => {
    expect(flags(session({ area: "scalp", needleMm: 0.25 }), after1(earlier(1, 0.25)))).toEqual(["area_not_approved", "interval_too_short"]);
  });

  it("flags a clinic depth above 1.0 mm whatever the plan says, with or without a plan", () => {
    expect(flags(session({ needleMm: 1.5 }))).toEqual(["needle_above_home_max", "needle_exceeds_plan"]);
    expect(flags(session({ needleMm: 1.0 }))).toEqual(["needle_exceeds_plan"]);
    expect(flags(session({ needleMm: 2.5 }), ctx({ plans: [] }))).toEqual(["needle_above_home_max", "no_active_plan"]);
  });

  it("flags no active plan: none, denied, suspended, expired at the session's date", () => {
    expect(flags(session(), ctx({ plans: [] }))).toEqual(["no_active_plan"]);
    expect(flags(session(), ctx({ plans: [{ ...plan, decision: "denied", areas: [] }] }))).toEqual(["no_active_plan", "plan_denied"]);
    expect(flags(session(), ctx({ plans: [{ ...plan, decision: "suspended", areas: [] }] }))).toEqual(["no_active_plan", "plan_suspended"]);
    expect(flags(session(), ctx({ plans: [{ ...plan, reviewBy: "2026-11-20" }] }))).toEqual(["no_active_plan"]);
    expect(flags(session(), ctx({ plans: [{ ...plan, reviewBy: "2026-11-21" }] }))).toEqual([]);
  });

  it("flags a session while the plan is paused for a new contraindication", () => {
    expect(flags(session(), ctx({ plans: [{ ...plan, underReview: true }] }))).toEqual(["plan_under_review"]);
  });

  it("takes expiry on the clinic's calendar, not UTC's", () => {
    const evening = session();
    evening.performedAt = "2026-11-22T01:30:00.000Z";
    const lastDay = { ...plan, reviewBy: "2026-11-21" };
    expect(flags(evening, ctx({ plans: [lastDay] }))).toEqual(["no_active_plan"]);
    expect(flags(evening, ctx({ plans: [lastDay], timeZone: "America/New_York" }))).toEqual([]);
  });

  it("judges against both versions in the grace minute and keeps every flag either gives", () => {
    const permissive: NonNullable<PlanInForce> = { ...plan, version: 2, areas: [{ area: "face", maxNeedleMm: 1.0 }], minIntervalDays: 28 };
    const suspended: NonNullable<PlanInForce> = { ...plan, version: 1, decision: "suspended", areas: [] };
    expect(flags(session({ needleMm: 1.0 }), ctx({ plans: [plan, permissive] }))).toEqual(["needle_exceeds_plan"]);
    expect(flags(session({ needleMm: 1.0 }), ctx({ plans: [suspended, permissive] }))).toEqual(["no_active_plan", "plan_suspended"]);
  });
});

describe("spacing", () => {
  it("accepts the session on the seventh clinic day after the last, whatever the hour, and flags the sixth", () => {
    expect(flags(session(), after1(earlier(7)))).toEqual([]);
    const at = (day: string) => ({ performedAt: day, needleMm: 0.5 });
    expect(flags(session(), after1(at("2026-11-14T23:59:00.000Z")))).toEqual([]);
    expect(flags(session(), after1(at("2026-11-15T00:01:00.000Z")))).toEqual(["interval_too_short"]);
  });

  it("judges a late report against the session after it too, and names that session", () => {
    const next = { id: "later", performedAt: daysAfter(1), needleMm: 0.5 };
    const evaluation = evaluateSession(session(), ctx({ after: [next] }));
    expect(evaluation.flags).toEqual(["interval_too_short"]);
    expect(evaluation.tooClose).toEqual([next]);
    expect(flags(session(), ctx({ after: [{ performedAt: daysAfter(7), needleMm: 0.5 }] }))).toEqual([]);
  });

  it("spaces after the length actually used when it was longer than the plan allows", () => {
    // 1.0 mm on a 0.5 mm / 7-day plan: the 28-day floor for 1.0 mm applies.
    expect(flags(session(), after1(earlier(10, 1.0)))).toEqual(["interval_too_short"]);
    expect(flags(session(), after1(earlier(28, 1.0)))).toEqual([]);
    // A plan changed to a shorter interval does not forget the last long-needle session.
    const short: NonNullable<PlanInForce> = { ...plan, areas: [{ area: "face", maxNeedleMm: 0.25 }], minIntervalDays: 2 };
    expect(flags(session({ needleMm: 0.25 }), after1(earlier(5, 1.0), { plans: [short] }))).toEqual(["interval_too_short"]);
  });

  it("keeps the clinician's interval override when the length used is within the plan", () => {
    const overridden: NonNullable<PlanInForce> = { ...plan, areas: [{ area: "face", maxNeedleMm: 1.0 }], minIntervalDays: 14 };
    expect(requiredSpacing(earlier(14, 1.0), "face", overridden, rules)).toEqual({ days: 14, reasons: ["plan_interval"] });
    expect(requiredSpacing(earlier(14, 1.5), "face", overridden, rules)).toEqual({ days: 28, reasons: ["longer_needle"] });
  });

  it("adds the clinic's extra spacing after redness lasting more than 48 hours", () => {
    expect(requiredSpacing(earlier(1, 0.5, { prolongedRedness: true }), "face", plan, rules)).toEqual({ days: 14, reasons: ["plan_interval", "prolonged_redness"] });
    expect(flags(session(), after1(earlier(10, 0.5, { prolongedRedness: true })))).toEqual(["interval_too_short"]);
  });
});

describe("spacing in clinic days", () => {
  const london = (performedAt: string, previousAt: string) =>
    flags({ ...session(), performedAt }, after1({ performedAt: previousAt, needleMm: 0.5 }, { timeZone: "Europe/London" }));

  it("counts days on the clinic's calendar, not 24-hour blocks, across the autumn clock change", () => {
    // Sunday 18 Oct 23:30 BST to Sunday 25 Oct 01:30 GMT: 7 clinic days, though only 6 days and 3 hours passed.
    expect(london("2026-10-25T01:30:00.000Z", "2026-10-18T22:30:00.000Z")).toEqual([]);
    // Saturday 24 Oct 23:59 BST is still the sixth day.
    expect(london("2026-10-24T22:59:00.000Z", "2026-10-18T22:30:00.000Z")).toEqual(["interval_too_short"]);
  });

  it("takes the day in the clinic's zone: 00:30 BST is the next day although it is 23:30 UTC", () => {
    expect(london("2026-07-07T23:30:00.000Z", "2026-07-01T12:00:00.000Z")).toEqual([]);
    expect(london("2026-07-07T22:30:00.000Z", "2026-07-01T12:00:00.000Z")).toEqual(["interval_too_short"]);
  });
});

describe("hygiene", () => {
  it("flags a device that was not sanitized, with or without a plan", () => {
    expect(flags(session({ sanitized: false }))).toEqual(["not_sanitized"]);
    expect(flags(session({ sanitized: false }), ctx({ plans: [] }))).toEqual(["no_active_plan", "not_sanitized"]);
  });

  it("flags a first session in an area without a patch test, not later ones", () => {
    expect(flags(session({ patchTestDone: null }), ctx({ before: [], firstInArea: true }))).toEqual(["no_patch_test"]);
    expect(flags(session({ patchTestDone: false }), ctx({ before: [], firstInArea: true }))).toEqual(["no_patch_test"]);
    expect(flags(session({ patchTestDone: true }), ctx({ before: [], firstInArea: true }))).toEqual([]);
    expect(flags(session({ patchTestDone: null }), after1(earlier(30)))).toEqual([]);
  });

  it("knows a session is not the first from any earlier one, not only those in the spacing window", () => {
    expect(flags(session({ patchTestDone: null }), ctx({ before: [], firstInArea: false }))).toEqual([]);
  });
});

describe("spacing against every session in the window", () => {
  // The décolletage: 0.25 mm / 7-day plan; 1.0 mm on 1 Nov needs the 28-day floor.
  const decolletage: NonNullable<PlanInForce> = { ...plan, areas: [{ area: "decolletage", maxNeedleMm: 0.25 }] };
  const on = (performedAt: string, needleMm: number, id?: string): AreaSession => ({ ...(id ? { id } : {}), performedAt, needleMm });
  const long = on("2026-11-01T19:00:00.000Z", 1.0, "long");
  const short = on("2026-11-10T19:00:00.000Z", 0.25, "short");
  const third = (performedAt: string, o: Partial<SessionContext> = {}) =>
    evaluateSession({ ...session({ area: "decolletage", needleMm: 0.25 }), performedAt }, ctx({ plans: [decolletage], before: [short, long], ...o }));

  it("does not let a short session in between reset the 28 days a 1.0 mm session needs", () => {
    const evaluation = third("2026-11-20T19:00:00.000Z");
    expect(evaluation.flags).toEqual(["interval_too_short"]);
    expect(evaluation.tooClose).toEqual([long]);
  });

  it("accepts the 28th clinic day after the long session and flags the 27th", () => {
    expect(third("2026-11-29T00:30:00.000Z").flags).toEqual([]);
    expect(third("2026-11-28T23:30:00.000Z").flags).toEqual(["interval_too_short"]);
  });

  it("counts the 28 days on the clinic's calendar in a zone far from UTC", () => {
    // Auckland (UTC+13 in November): 1 Nov 07:00 there is 31 Oct 18:00 UTC.
    const auckland = { timeZone: "Pacific/Auckland", before: [on("2026-10-31T18:00:00.000Z", 1.0, "long")] };
    // 28 Nov 23:30 in Auckland: the 27th clinic day, although 28 UTC days have passed.
    expect(third("2026-11-28T10:30:00.000Z", auckland).flags).toEqual(["interval_too_short"]);
    expect(third("2026-11-28T10:30:00.000Z", { ...auckland, timeZone: "UTC" }).flags).toEqual([]);
    // 29 Nov 00:30 in Auckland: the 28th clinic day.
    expect(third("2026-11-28T11:30:00.000Z", auckland).flags).toEqual([]);
  });

  it("judges a late report against every stored session either side and names each conflict in time order", () => {
    const later = on("2026-11-12T19:00:00.000Z", 0.25, "later");
    const farLater = on("2026-11-30T19:00:00.000Z", 0.25, "far");
    // Reported after all of them: 8 Nov, too soon after 1 Nov (1.0 mm) and too close before 12 Nov (7 days after 8 Nov).
    const late = evaluateSession(
      { ...session({ area: "decolletage", needleMm: 0.25 }), performedAt: "2026-11-08T19:00:00.000Z" },
      ctx({ plans: [decolletage], before: [long], after: [later, farLater] }),
    );
    expect(late.flags).toEqual(["interval_too_short"]);
    expect(late.tooClose).toEqual([long, later]);
  });

  it("judges each later session with the spacing the late one requires, by the length it used", () => {
    const later = on("2026-11-20T19:00:00.000Z", 0.25, "later");
    const at = "2026-11-01T19:00:00.000Z";
    const judge = (needleMm: number) =>
      evaluateSession({ ...session({ area: "decolletage", needleMm }), performedAt: at }, ctx({ plans: [decolletage], before: [], after: [later] }));
    expect(judge(0.25).tooClose).toEqual([]);
    expect(judge(1.0).tooClose).toEqual([later]);
  });

  it("names a session once when every plan in the grace minute finds it too close", () => {
    const evaluation = third("2026-11-20T19:00:00.000Z", { plans: [decolletage, { ...decolletage, version: 2 }] });
    expect(evaluation.tooClose).toEqual([long]);
  });
});

describe("spacingWindowDays", () => {
  it("is the longest interval the plans or the clinic's floors can require, plus the redness days", () => {
    expect(spacingWindowDays([plan], rules)).toBe(28 + 7);
    expect(spacingWindowDays([{ ...plan, minIntervalDays: 42 }, null], rules)).toBe(42 + 7);
    expect(spacingWindowDays([], { intervalFloors: [], rednessExtraSpacingDays: 0 })).toBe(1);
  });

  it("covers the spacing any earlier session can require, whatever length it used", () => {
    for (const needleMm of [0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 3.0]) {
      const spacing = requiredSpacing(earlier(1, needleMm, { prolongedRedness: true }), "face", plan, rules);
      expect(spacing.days).toBeLessThanOrEqual(spacingWindowDays([plan], rules));
    }
  });
});

describe("nextAllowedInArea", () => {
  const now = new Date(at);
  it("is now without a recent session or when the interval has passed", () => {
    expect(nextAllowedInArea([], "face", plan, rules, now)).toEqual({ at: null, reasons: [] });
    expect(nextAllowedInArea([earlier(7)], "face", plan, rules, now).at).toBeNull();
  });

  it("is the previous session plus the interval otherwise", () => {
    expect(nextAllowedInArea([earlier(2)], "face", plan, rules, now)).toEqual({ at: daysAfter(5), reasons: ["plan_interval"] });
  });

  it("uses the floor for an off-plan length, and the latest constraint of every recent session", () => {
    expect(nextAllowedInArea([earlier(2, 1.0)], "face", plan, rules, now)).toEqual({ at: daysAfter(26), reasons: ["longer_needle"] });
    expect(nextAllowedInArea([earlier(1, 0.25), earlier(10, 1.0)], "face", plan, rules, now)).toEqual({ at: daysAfter(18), reasons: ["longer_needle"] });
  });

  it("is the start of the clinic day the spacing ends on, in the clinic's zone across a clock change", () => {
    // London leaves summer time on 25 Oct 2026: 27 Oct starts at 00:00 GMT, not 23:00 UTC the day before.
    const london = nextAllowedInArea([{ performedAt: "2026-10-20T12:00:00.000Z", needleMm: 0.5 }], "face", plan, rules, new Date("2026-10-21T09:00:00Z"), "Europe/London");
    expect(london.at).toBe("2026-10-27T00:00:00.000Z");
    // New York enters summer time on 8 Mar 2026: 10 Mar starts at 04:00 UTC (EDT).
    const newYork = nextAllowedInArea([{ performedAt: "2026-03-03T15:00:00.000Z", needleMm: 0.5 }], "face", plan, rules, new Date("2026-03-04T09:00:00Z"), "America/New_York");
    expect(newYork.at).toBe("2026-03-10T04:00:00.000Z");
  });

  it("adds the extra spacing after lasting redness and says why", () => {
    expect(nextAllowedInArea([earlier(3, 0.5, { prolongedRedness: true })], "face", plan, rules, now)).toEqual({
      at: daysAfter(11),
      reasons: ["plan_interval", "prolonged_redness"],
    });
  });
});
