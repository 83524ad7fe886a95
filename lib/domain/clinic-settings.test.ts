import { describe, expect, it } from "vitest";
import { defaultClinicSettings, describeSettingsChange, findLoosening, keepBlocking, loosenedBlockClasses, sameSettings, TWO_STEP_BLOCK_ITEMS, type ClinicSettings } from "./clinic-settings";

const loosened = (change: (s: ClinicSettings) => void) => {
  const settings = defaultClinicSettings();
  change(settings);
  return findLoosening(settings).map((l) => l.rule);
};

describe("findLoosening", () => {
  it("accepts the DOMAIN.md defaults and any tightening", () => {
    expect(loosened(() => {})).toEqual([]);
    expect(
      loosened((s) => {
        s.screeningClasses.rosacea = "block";
        s.intervalFloors = [{ upToMm: 0.3, minDays: 3 }, { upToMm: 0.5, minDays: 10 }, { upToMm: 1.0, minDays: 30 }];
        s.isotretinoinLookbackMonths = 12;
        s.alertRules = { ...s.alertRules, severeGrade: 2, persistentHours: 48, persistentSymptoms: ["erythema", "swelling", "pain"] };
        s.screeningValidityDays = 30;
        s.rednessExtraSpacingDays = 14;
      }),
    ).toEqual([]);
  });

  it("keeps pregnancy, active infection and isotretinoin blocking", () => {
    for (const item of ["pregnancy", "active_infection", "isotretinoin"] as const) {
      expect(loosened((s) => (s.screeningClasses[item] = "review"))).toEqual(["screening_always_blocks"]);
    }
    expect(loosened((s) => (s.screeningClasses.keloid = "review"))).toEqual([]);
  });

  it("never lets a floor fall below 2/7/14/28 days at any home length", () => {
    expect(loosened((s) => (s.intervalFloors = [{ upToMm: 1.0, minDays: 20 }]))).toEqual(["interval_floor_below_minimum"]);
    expect(loosened((s) => (s.intervalFloors = [{ upToMm: 0.3, minDays: 1 }, { upToMm: 1.0, minDays: 28 }]))).toEqual(["interval_floor_below_minimum"]);
    // A bracket that stretches 0.3 mm's 2 days over 0.5 mm loosens 0.5 mm.
    expect(loosened((s) => (s.intervalFloors = [{ upToMm: 0.5, minDays: 2 }, { upToMm: 1.0, minDays: 28 }]))).toEqual(["interval_floor_below_minimum"]);
    expect(loosened((s) => (s.intervalFloors = [{ upToMm: 1.0, minDays: 28 }]))).toEqual([]);
  });

  it("keeps every alert rule at least as sensitive as the defaults", () => {
    expect(loosened((s) => (s.alertRules.infectionGrade = 2))).toEqual(["infection_alert_weakened"]);
    expect(loosened((s) => (s.alertRules.persistentHours = 96))).toEqual(["persistent_alert_weakened"]);
    expect(loosened((s) => (s.alertRules.persistentGrade = 2))).toEqual(["persistent_alert_weakened"]);
    expect(loosened((s) => (s.alertRules.persistentSymptoms = ["erythema"]))).toEqual(["persistent_alert_weakened"]);
  });

  it("keeps the lookback, the screening validity and the redness spacing", () => {
    expect(loosened((s) => (s.isotretinoinLookbackMonths = 5))).toEqual(["isotretinoin_lookback_shortened"]);
    expect(loosened((s) => (s.screeningValidityDays = 91))).toEqual(["screening_validity_lengthened"]);
    expect(loosened((s) => (s.rednessExtraSpacingDays = 6))).toEqual(["redness_spacing_shortened"]);
  });
});

describe("loosenedBlockClasses: what needs a second clinician", () => {
  const changed = (change: (s: ClinicSettings) => void, before = defaultClinicSettings()) => {
    const after = structuredClone(before);
    change(after);
    return loosenedBlockClasses(before, after);
  };

  it("names every DOMAIN block class but the three absolute ones", () => {
    expect([...TWO_STEP_BLOCK_ITEMS].sort()).toEqual(["active_acne", "collagen_vascular", "immunosuppression", "keloid", "skin_cancer"]);
  });

  it("names each of them turned from block to review, and nothing else", () => {
    expect(changed((s) => (s.screeningClasses.keloid = "review"))).toEqual(["keloid"]);
    expect(
      changed((s) => {
        for (const item of TWO_STEP_BLOCK_ITEMS) s.screeningClasses[item] = "review";
      }),
    ).toEqual([...TWO_STEP_BLOCK_ITEMS]);
    // Tightening, and loosening anything else, never waits (the absolute ones are refused by findLoosening).
    expect(changed((s) => (s.screeningClasses.rosacea = "block"))).toEqual([]);
    expect(changed((s) => (s.screeningValidityDays = 30))).toEqual([]);
    expect(changed((s) => (s.screeningClasses.pregnancy = "review"))).toEqual([]);
  });

  it("compares with the clinic's settings now: a confirmed review stays review, a clinic's own block may go back", () => {
    const confirmed = defaultClinicSettings();
    confirmed.screeningClasses.keloid = "review";
    expect(changed((s) => (s.screeningValidityDays = 60), confirmed)).toEqual([]);
    const stricter = defaultClinicSettings();
    stricter.screeningClasses.rosacea = "block";
    expect(changed((s) => (s.screeningClasses.rosacea = "review"), stricter)).toEqual([]);
  });
});

describe("keepBlocking and sameSettings", () => {
  it("hold the proposed items at block, so what applies at once never loosens them", () => {
    const next = defaultClinicSettings();
    next.screeningClasses.keloid = "review";
    next.screeningValidityDays = 60;
    const now = keepBlocking(next, ["keloid"]);
    expect(now.screeningClasses.keloid).toBe("block");
    expect(now.screeningValidityDays).toBe(60);
    expect(next.screeningClasses.keloid).toBe("review");
  });

  it("compare values, not the order keys were written in", () => {
    const a = defaultClinicSettings();
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as ClinicSettings;
    expect(Object.keys(reordered)[0]).toBe("rednessExtraSpacingDays");
    expect(sameSettings(a, reordered)).toBe(true);
    expect(sameSettings(a, { ...a, screeningValidityDays: 89 })).toBe(false);
    expect(sameSettings(a, keepBlocking({ ...a, screeningClasses: { ...a.screeningClasses, keloid: "review" } }, ["keloid"]))).toBe(true);
  });
});

describe("describeSettingsChange", () => {
  it("names each class and value changed, in words", () => {
    const before = defaultClinicSettings();
    const after = structuredClone(before);
    after.screeningClasses.keloid = "review";
    after.screeningValidityDays = 60;
    after.intervalFloors = [{ upToMm: 1.0, minDays: 30 }];
    expect(describeSettingsChange(before, after)).toEqual(["Keloid or hypertrophic scarring history: Block → Review", "Spacing floors changed", "Screening validity (days): 90 → 60"]);
    expect(describeSettingsChange(before, before)).toEqual(["No change"]);
  });
});
