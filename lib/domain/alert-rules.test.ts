import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_RULES, reactionAlert, sessionAlert, type AlertRules } from "./alert-rules";
import { needsUrgentGuidance, type SymptomGrade } from "./reactions";

const session = { performedAt: "2026-11-18T10:00:00.000Z" };
const hoursAfter = (h: number) => new Date(Date.parse(session.performedAt) + h * 3_600_000).toISOString();
const alertFor = (h: number, symptoms: SymptomGrade[], options: { previous?: SymptomGrade[]; rules?: AlertRules; noSession?: boolean } = {}) =>
  reactionAlert({
    reaction: { reportedAt: hoursAfter(h), symptoms },
    session: options.noSession ? null : session,
    previousReport: options.previous ? { reportedAt: hoursAfter(h - 1), symptoms: options.previous } : null,
    rules: options.rules,
  });

describe("reactionAlert", () => {
  it("raises nothing for expected mild reactions within 72 hours", () => {
    expect(alertFor(24, [{ symptom: "erythema", grade: 2 }, { symptom: "dryness", grade: 1 }])).toBeNull();
  });

  it("raises a high alert for any grade 3, and not for grade 2", () => {
    expect(alertFor(2, [{ symptom: "pain", grade: 3 }])).toMatchObject({ kind: "severe_reaction", severity: "high", summary: "Severe pain or burning." });
    expect(alertFor(2, [{ symptom: "pain", grade: 2 }])).toBeNull();
  });

  it("raises a high alert for any infection at grade 1", () => {
    expect(alertFor(2, [{ symptom: "infection", grade: 1 }])?.kind).toBe("infection");
    expect(alertFor(2, [{ symptom: "infection", grade: 0 }])).toBeNull();
  });

  it("raises a high alert for each warning sign at grade 1, not at 0", () => {
    for (const symptom of ["blistering", "fever", "scarring", "nodules"] as const) {
      expect(alertFor(2, [{ symptom, grade: 1 }])).toMatchObject({ kind: "warning_sign", severity: "high" });
      expect(alertFor(2, [{ symptom, grade: 0 }])).toBeNull();
    }
  });

  it("raises redness or swelling only once it is reported more than 72 hours after the session", () => {
    const symptoms = [{ symptom: "erythema" as const, grade: 1 }];
    expect(alertFor(72, symptoms)).toBeNull();
    expect(alertFor(72 + 1 / 3600, symptoms)).toMatchObject({ kind: "persistent_reaction", severity: "high" });
    expect(alertFor(100, [{ symptom: "itching", grade: 1 }])).toBeNull();
    expect(alertFor(100, symptoms, { noSession: true })).toBeNull();
  });

  it("raises a normal alert for pain, itching, dark patches or breakout at grade 2 after 72 hours", () => {
    for (const symptom of ["pain", "itching", "hyperpigmentation", "breakout"] as const) {
      expect(alertFor(73, [{ symptom, grade: 2 }])).toMatchObject({ kind: "lasting_symptom", severity: "normal" });
      expect(alertFor(73, [{ symptom, grade: 1 }])).toBeNull();
      expect(alertFor(72, [{ symptom, grade: 2 }])).toBeNull();
    }
  });

  describe("first reports days after the session (DOMAIN.md's warning signs)", () => {
    const day = (d: number) => d * 24;
    const withSkin = (h: number, symptoms: SymptomGrade[], skinType?: number) =>
      reactionAlert({ reaction: { reportedAt: hoursAfter(h), symptoms }, session, skinType });

    it("raises a normal alert for bleeding or bruising at grade 2 lasting past 72 hours, not at grade 1 or by 72 hours", () => {
      for (const symptom of ["bleeding", "bruising"] as const) {
        for (const d of [5, 10, 14]) expect(alertFor(day(d), [{ symptom, grade: 2 }])).toMatchObject({ kind: "lasting_symptom", severity: "normal" });
        expect(alertFor(72 + 1 / 3600, [{ symptom, grade: 2 }])?.kind).toBe("lasting_symptom");
        expect(alertFor(72, [{ symptom, grade: 2 }])).toBeNull();
        expect(alertFor(day(10), [{ symptom, grade: 1 }])).toBeNull();
      }
    });

    it("raises a normal alert for an acne flare at grade 2 lasting past 72 hours", () => {
      expect(alertFor(day(7), [{ symptom: "breakout", grade: 2 }])).toMatchObject({ kind: "lasting_symptom", severity: "normal" });
      expect(alertFor(day(7), [{ symptom: "breakout", grade: 1 }])).toBeNull();
    });

    it("raises a high alert for dark patches of any grade on skin types IV to VI, at any time", () => {
      for (const skinType of [4, 5, 6]) {
        expect(withSkin(day(8), [{ symptom: "hyperpigmentation", grade: 1 }], skinType)).toMatchObject({ kind: "warning_sign", severity: "high" });
      }
      expect(withSkin(24, [{ symptom: "hyperpigmentation", grade: 1 }], 4)?.summary).toMatch(/dark patches on skin type IV/i);
      expect(withSkin(day(8), [{ symptom: "hyperpigmentation", grade: 0 }], 4)).toBeNull();
    });

    it("raises dark patches on skin types I to III, or an unknown type, only at grade 2 past 72 hours, as normal", () => {
      expect(withSkin(day(8), [{ symptom: "hyperpigmentation", grade: 1 }], 3)).toBeNull();
      expect(withSkin(day(8), [{ symptom: "hyperpigmentation", grade: 2 }], 3)).toMatchObject({ kind: "lasting_symptom", severity: "normal" });
      expect(withSkin(day(8), [{ symptom: "hyperpigmentation", grade: 2 }])).toMatchObject({ kind: "lasting_symptom", severity: "normal" });
      expect(withSkin(72, [{ symptom: "hyperpigmentation", grade: 2 }], 3)).toBeNull();
    });

    it("lists a lasting symptom next to the high dark-patches reason", () => {
      const alert = withSkin(day(6), [{ symptom: "hyperpigmentation", grade: 2 }, { symptom: "bruising", grade: 2 }], 5);
      expect(alert).toMatchObject({ kind: "warning_sign", severity: "high" });
      expect(alert?.summary).toMatch(/dark patches on skin type V.*; bruising still bothersome 144 hours after the session\./i);
    });
  });

  it("raises a high alert when a symptom is worse than the previous report of the session after day 2", () => {
    const previous = [{ symptom: "swelling" as const, grade: 1 }];
    expect(alertFor(49, [{ symptom: "swelling", grade: 2 }], { previous })).toMatchObject({ kind: "worsening_reaction", severity: "high" });
    expect(alertFor(47, [{ symptom: "swelling", grade: 2 }], { previous })).toBeNull();
    expect(alertFor(49, [{ symptom: "swelling", grade: 1 }], { previous })).toBeNull();
    // A symptom absent from the previous report counts as none then.
    expect(alertFor(49, [{ symptom: "pain", grade: 1 }], { previous })?.kind).toBe("worsening_reaction");
    expect(alertFor(49, [{ symptom: "pain", grade: 1 }])).toBeNull();
  });

  it("raises one alert listing every reason, as the most urgent kind, high over normal", () => {
    const alert = alertFor(80, [{ symptom: "infection", grade: 3 }, { symptom: "swelling", grade: 2 }]);
    expect(alert?.kind).toBe("infection");
    expect(alert?.summary).toMatch(/possible infection \(grade 3\); severe signs of infection.*; swelling still present 80 hours/i);
    expect(alertFor(80, [{ symptom: "pain", grade: 2 }, { symptom: "erythema", grade: 1 }])).toMatchObject({ kind: "persistent_reaction", severity: "high" });
  });

  it("follows a clinic's tightened rules", () => {
    expect(alertFor(2, [{ symptom: "pain", grade: 2 }], { rules: { ...DEFAULT_ALERT_RULES, severeGrade: 2 } })?.kind).toBe("severe_reaction");
    expect(alertFor(50, [{ symptom: "erythema", grade: 1 }], { rules: { ...DEFAULT_ALERT_RULES, persistentHours: 48 } })?.kind).toBe("persistent_reaction");
  });
});

describe("sessionAlert", () => {
  it("raises a normal alert for any flagged session, none otherwise", () => {
    expect(sessionAlert([])).toBeNull();
    expect(sessionAlert(["needle_exceeds_plan", "interval_too_short"])).toEqual({
      kind: "off_plan_session",
      severity: "normal",
      summary: "Off-plan session: needle longer than plan, too close to another session.",
    });
    expect(sessionAlert(["not_sanitized"])?.severity).toBe("normal");
    expect(sessionAlert(["no_patch_test"])?.severity).toBe("normal");
  });

  it("raises a high alert for a clinic depth or a session while told not to microneedle", () => {
    for (const flag of ["needle_above_home_max", "plan_suspended", "plan_denied", "plan_under_review"] as const) {
      expect(sessionAlert(["no_active_plan", flag])?.severity).toBe("high");
    }
    expect(sessionAlert(["no_active_plan"])?.severity).toBe("normal");
  });

  it("names both sessions of a spacing flag", () => {
    const alert = sessionAlert(["interval_too_short"], { performedAt: "2026-11-20T09:00:00.000Z", area: "face" }, [{ performedAt: "2026-11-21T09:00:00.000Z", needleMm: 0.5 }]);
    expect(alert?.summary).toContain("This face session (20 Nov 2026, 09:00 UTC) is too close to the face session of 21 Nov 2026, 09:00 UTC.");
  });

  it("names the sessions' times in the clinic's zone", () => {
    const alert = sessionAlert(["interval_too_short"], { performedAt: "2026-07-01T23:30:00.000Z", area: "neck" }, [{ performedAt: "2026-07-03T08:00:00.000Z", needleMm: 0.5 }], "Europe/London");
    expect(alert?.summary).toContain("This neck session (2 Jul 2026, 00:30 BST) is too close to the neck session of 3 Jul 2026, 09:00 BST.");
  });
});

describe("needsUrgentGuidance", () => {
  it("is shown for any grade 3, any infection or any warning sign", () => {
    expect(needsUrgentGuidance([{ symptom: "erythema", grade: 2 }])).toBe(false);
    expect(needsUrgentGuidance([{ symptom: "erythema", grade: 3 }])).toBe(true);
    expect(needsUrgentGuidance([{ symptom: "infection", grade: 1 }])).toBe(true);
    expect(needsUrgentGuidance([{ symptom: "fever", grade: 1 }])).toBe(true);
  });
});
