import { describe, expect, it } from "vitest";
import { defaultClinicSettings, findLoosening, type ClinicSettings } from "./clinic-settings";

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
