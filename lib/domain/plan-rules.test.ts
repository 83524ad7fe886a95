import { describe, expect, it } from "vitest";
import { DEFAULT_INTERVAL_FLOORS, intervalFloorFor } from "./clinic-settings";
import { validatePlanDecision, type PlanDecisionDraft, type PlanRuleContext } from "./plan-rules";
import { JUSTIFICATION_RULE } from "./text";

const today = "2026-11-21";
type Evaluation = NonNullable<PlanRuleContext["screening"]>["evaluation"];
const screened = (evaluation: Evaluation, recordedAt = "2026-11-20T09:00:00.000Z") => ({ version: 1, recordedAt, evaluation });
const clean: PlanRuleContext = {
  today,
  screening: screened({ blocks: [], reviews: [] }),
  intervalFloors: DEFAULT_INTERVAL_FLOORS,
  screeningValidityDays: 90,
  previousApprovalAt: null,
};
const blocked: PlanRuleContext = {
  ...clean,
  screening: screened({ blocks: [{ item: "isotretinoin", label: "Oral isotretinoin", class: "block", date: "2026-07-21" }], reviews: [] }),
};
const rosacea: PlanRuleContext = {
  ...clean,
  screening: screened({ blocks: [], reviews: [{ item: "rosacea", label: "Rosacea", class: "review", date: null }] }),
};
const OVERRIDE = "Dermatology and prescriber agree; last dose 7 months before start";

const approval = (overrides: Partial<PlanDecisionDraft> = {}): PlanDecisionDraft => ({
  decision: "approved",
  areas: [{ area: "face", maxNeedleMm: 0.5 }],
  minIntervalDays: 7,
  reviewBy: "2027-02-19",
  instructions: "Sanitize before and after.",
  screeningVersion: 1,
  ...overrides,
});

const rules = (draft: PlanDecisionDraft, ctx = clean) => validatePlanDecision(draft, ctx).map((v) => v.rule);

describe("needle lengths", () => {
  it("accepts every home length up to and including 1.0 mm", () => {
    for (const mm of [0.2, 0.25, 0.3, 0.5, 0.75, 1.0]) {
      expect(rules(approval({ areas: [{ area: "face", maxNeedleMm: mm }], minIntervalDays: 28, confirmLongNeedle: true }))).toEqual([]);
    }
  });

  it("refuses 1.01 mm and clinic lengths as above the home maximum", () => {
    expect(rules(approval({ areas: [{ area: "face", maxNeedleMm: 1.01 }], minIntervalDays: 28, confirmLongNeedle: true }))).toEqual(["needle_above_home_max"]);
    expect(rules(approval({ areas: [{ area: "face", maxNeedleMm: 2.5 }], minIntervalDays: 28, confirmLongNeedle: true }))).toEqual(["needle_above_home_max"]);
  });

  it("refuses lengths that are not in the home set", () => {
    expect(rules(approval({ areas: [{ area: "face", maxNeedleMm: 0.4 }] }))).toEqual(["needle_not_in_home_set"]);
    expect(rules(approval({ areas: [{ area: "face", maxNeedleMm: 0 }] }))).toEqual(["needle_not_in_home_set"]);
    expect(rules(approval({ areas: [{ area: "face", maxNeedleMm: -0.5 }] }))).toEqual(["needle_not_in_home_set"]);
  });

  it("names the area and the rule in the message", () => {
    const [violation] = validatePlanDecision(approval({ areas: [{ area: "neck", maxNeedleMm: 1.5 }], minIntervalDays: 28 }), clean);
    expect(violation).toMatchObject({ path: "areas.0.maxNeedleMm" });
    expect(violation?.message).toMatch(/Neck: 1.5 mm is above the 1.0 mm home maximum/);
  });
});

describe("areas", () => {
  it("refuses duplicated, unknown and missing areas", () => {
    expect(rules(approval({ areas: [{ area: "face", maxNeedleMm: 0.5 }, { area: "face", maxNeedleMm: 0.25 }] }))).toEqual(["area_duplicated"]);
    expect(rules(approval({ areas: [{ area: "eyelids", maxNeedleMm: 0.25 }] }))).toEqual(["area_unknown"]);
    expect(rules(approval({ areas: [] }))).toContain("areas_required");
  });
});

describe("interval floors", () => {
  it("maps lengths to the DOMAIN.md floors", () => {
    expect(intervalFloorFor(0.2, DEFAULT_INTERVAL_FLOORS)).toBe(2);
    expect(intervalFloorFor(0.3, DEFAULT_INTERVAL_FLOORS)).toBe(2);
    expect(intervalFloorFor(0.5, DEFAULT_INTERVAL_FLOORS)).toBe(7);
    expect(intervalFloorFor(0.75, DEFAULT_INTERVAL_FLOORS)).toBe(14);
    expect(intervalFloorFor(1.0, DEFAULT_INTERVAL_FLOORS)).toBe(28);
  });

  it("accepts an interval exactly at the floor of the longest length", () => {
    const areas = [{ area: "face", maxNeedleMm: 0.75 }, { area: "neck", maxNeedleMm: 0.25 }];
    expect(rules(approval({ areas, minIntervalDays: 14, confirmLongNeedle: true }))).toEqual([]);
  });

  it("refuses an interval one day below the floor without a reason", () => {
    const areas = [{ area: "face", maxNeedleMm: 0.75 }, { area: "neck", maxNeedleMm: 0.25 }];
    expect(rules(approval({ areas, minIntervalDays: 13, confirmLongNeedle: true }))).toEqual(["interval_below_floor"]);
    expect(rules(approval({ areas, minIntervalDays: 13, confirmLongNeedle: true, intervalOverrideReason: "   " }))).toEqual(["interval_below_floor"]);
  });

  it("accepts an interval below the floor with a recorded reason", () => {
    expect(rules(approval({ minIntervalDays: 3, intervalOverrideReason: "Tolerated 3-day spacing for a year" }))).toEqual([]);
  });

  it("uses the clinic's own floors", () => {
    const strict = { ...clean, intervalFloors: [{ upToMm: 1.0, minDays: 10 }] };
    expect(rules(approval({ minIntervalDays: 9 }), strict)).toEqual(["interval_below_floor"]);
    expect(rules(approval({ minIntervalDays: 10 }), strict)).toEqual([]);
  });
});

describe("review date", () => {
  it("must be in the future", () => {
    expect(rules(approval({ reviewBy: today }))).toEqual(["review_by_not_future"]);
    expect(rules(approval({ reviewBy: "2026-11-22" }))).toEqual([]);
    expect(rules(approval({ reviewBy: "2026-02-30" }))).toEqual(["review_by_not_future"]);
  });

  it("must be at most 12 months ahead", () => {
    expect(rules(approval({ reviewBy: "2027-11-21" }))).toEqual([]);
    expect(rules(approval({ reviewBy: "2027-11-22" }))).toEqual(["review_by_too_far"]);
  });

  it("is required for an approval", () => {
    expect(rules(approval({ reviewBy: null }))).toEqual(["review_by_required"]);
  });
});

describe("screening", () => {
  it("refuses approval when the screening is missing", () => {
    expect(rules(approval(), { ...clean, screening: null })).toEqual(["screening_missing"]);
  });

  it("refuses approval over a block item without an override", () => {
    expect(rules(approval({ overriddenItems: ["isotretinoin"] }), blocked)).toEqual(["contraindication_override_required"]);
    expect(rules(approval({ contraindicationOverride: "", overriddenItems: ["isotretinoin"] }), blocked)).toEqual(["contraindication_override_required"]);
    expect(rules(approval(), blocked)).toEqual(["contraindication_override_required", "overridden_items_mismatch"]);
  });

  it("accepts approval over a block item with an override justification naming the item", () => {
    expect(rules(approval({ contraindicationOverride: OVERRIDE, overriddenItems: ["isotretinoin"] }), blocked)).toEqual([]);
  });

  it("refuses an override that does not name every blocking item, or names one that is not blocking", () => {
    expect(rules(approval({ contraindicationOverride: OVERRIDE }), blocked)).toEqual(["overridden_items_mismatch"]);
    expect(rules(approval({ contraindicationOverride: OVERRIDE, overriddenItems: ["pregnancy"] }), blocked)).toEqual(["overridden_items_mismatch"]);
    expect(rules(approval({ contraindicationOverride: OVERRIDE, overriddenItems: ["isotretinoin", "pregnancy"] }), blocked)).toEqual(["overridden_items_mismatch"]);
    expect(rules(approval({ overriddenItems: ["pregnancy"] }))).toEqual(["overridden_items_mismatch"]);
  });

  it("requires each review item to be acknowledged by name", () => {
    expect(rules(approval(), rosacea)).toEqual(["review_items_acknowledgement_required"]);
    expect(rules(approval({ acknowledgedReviewItems: ["rosacea"] }), rosacea)).toEqual([]);
    expect(rules(approval({ acknowledgedReviewItems: ["cardiac"] }), rosacea)).toEqual(["review_items_acknowledgement_required"]);
  });

  it("requires the screening version the decision was made on", () => {
    expect(rules(approval({ screeningVersion: null }))).toEqual(["screening_version_required"]);
  });

  it("refuses a screening older than the validity unless recorded since the previous approval", () => {
    const at = (recordedAt: string, previousApprovalAt: string | null = null) => ({ ...clean, screening: screened({ blocks: [], reviews: [] }, recordedAt), previousApprovalAt });
    expect(rules(approval(), at("2026-08-23T09:00:00.000Z"))).toEqual([]);
    expect(rules(approval(), at("2026-08-22T09:00:00.000Z"))).toEqual(["screening_stale"]);
    // A renewal on a screening 300 days old, recorded before the approval it would renew.
    expect(rules(approval(), at("2026-01-25T09:00:00.000Z", "2026-01-26T09:00:00.000Z"))).toEqual(["screening_stale"]);
    expect(rules(approval(), at("2026-01-27T09:00:00.000Z", "2026-01-26T09:00:00.000Z"))).toEqual([]);
    expect(rules(approval(), { ...at("2026-10-01T09:00:00.000Z"), screeningValidityDays: 30 })).toEqual(["screening_stale"]);
  });
});

describe("long needles", () => {
  it("need an explicit confirmation above 0.5 mm", () => {
    expect(rules(approval({ areas: [{ area: "face", maxNeedleMm: 0.75 }], minIntervalDays: 14 }))).toEqual(["long_needle_confirmation_required"]);
    expect(rules(approval({ areas: [{ area: "face", maxNeedleMm: 0.5 }], confirmLongNeedle: false }))).toEqual([]);
  });

  it("need it above the typical depth for the area too", () => {
    const [violation] = validatePlanDecision(approval({ areas: [{ area: "body", maxNeedleMm: 1.0 }], minIntervalDays: 28 }), clean);
    expect(violation).toMatchObject({ rule: "long_needle_confirmation_required", path: "confirmLongNeedle" });
    expect(violation?.message).toContain("Body 1.0 mm");
  });
});

describe("invisible justifications", () => {
  const invisible = ["\u200b".repeat(30), "\u2060\u180e".repeat(15), "\u200b a \u200b b \u200b", "..........!!!!"];

  it("count only visible letters and digits, at least 10", () => {
    for (const text of invisible) {
      expect(rules(approval({ contraindicationOverride: text, overriddenItems: ["isotretinoin"] }), blocked)).toEqual(["contraindication_override_required"]);
      expect(rules(approval({ minIntervalDays: 3, intervalOverrideReason: text }))).toEqual(["interval_below_floor"]);
      expect(rules({ decision: "denied", reason: text })).toEqual(["reason_required"]);
      expect(rules(approval({ instructions: text }))).toEqual(["instructions_required"]);
    }
    expect(rules({ decision: "denied", reason: "Acne\u200bflare 12" })).toEqual([]);
    expect(rules({ decision: "denied", reason: "Acne flare" })).toEqual(["reason_required"]);
  });
});

describe("override justifications", () => {
  // Each fills the field with 10 or more visible letters, and none gives a reason.
  const filler = ["aaaaaaaaaaaaa", "ok ok ok ok ok ok", "Override override override", "aaaa bbbb cccc", "1234567890 12345", "Approved."];

  it("refuse a contraindication override or interval reason that is not a justification, naming the rule", () => {
    for (const text of filler) {
      expect(rules(approval({ contraindicationOverride: text, overriddenItems: ["isotretinoin"] }), blocked), text).toEqual(["contraindication_override_required"]);
      expect(rules(approval({ minIntervalDays: 3, intervalOverrideReason: text })), text).toEqual(["interval_below_floor"]);
    }
    const [override] = validatePlanDecision(approval({ contraindicationOverride: "aaaaaaaaaaaaa", overriddenItems: ["isotretinoin"] }), blocked);
    expect(override?.message).toContain(JUSTIFICATION_RULE);
    const [interval] = validatePlanDecision(approval({ minIntervalDays: 3, intervalOverrideReason: "aaaaaaaaaaaaa" }), clean);
    expect(interval?.message).toContain(JUSTIFICATION_RULE);
  });

  it("accept three different words of letters, the shortest that count", () => {
    expect(rules(approval({ contraindicationOverride: "Prescriber agrees today", overriddenItems: ["isotretinoin"] }), blocked)).toEqual([]);
    expect(rules(approval({ minIntervalDays: 3, intervalOverrideReason: "Tolerates 3-day spacing" }))).toEqual([]);
    // Two words are not enough, however long.
    expect(rules(approval({ minIntervalDays: 3, intervalOverrideReason: "Longstanding tolerance" }))).toEqual(["interval_below_floor"]);
  });

  it("leave a denial's reason and the instructions on the readable-text rule", () => {
    expect(rules({ decision: "denied", reason: "Keloidscarring" })).toEqual([]);
    expect(rules(approval({ instructions: "aaaaaaaaaaaaa" }))).toEqual([]);
  });
});

describe("denials and suspensions", () => {
  it("require a reason", () => {
    expect(rules({ decision: "denied" })).toEqual(["reason_required"]);
    expect(rules({ decision: "denied", reason: "  " })).toEqual(["reason_required"]);
    expect(rules({ decision: "suspended", reason: null })).toEqual(["reason_required"]);
  });

  it("are accepted with a reason, even without a screening", () => {
    expect(rules({ decision: "denied", reason: "Active inflammatory acne" }, { ...clean, screening: null })).toEqual([]);
    expect(rules({ decision: "suspended", reason: "Infection reported" })).toEqual([]);
  });
});

it("requires instructions for an approval", () => {
  expect(rules(approval({ instructions: " " }))).toEqual(["instructions_required"]);
});
