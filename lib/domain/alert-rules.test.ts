import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_RULES, reactionAlert, sessionAlert } from "./alert-rules";
import { needsUrgentGuidance } from "./reactions";

const session = { performedAt: "2026-11-18T10:00:00.000Z" };
const hoursAfter = (h: number) => new Date(Date.parse(session.performedAt) + h * 3_600_000).toISOString();

describe("reactionAlert", () => {
  it("raises nothing for expected mild reactions within 72 hours", () => {
    expect(reactionAlert({ reportedAt: hoursAfter(24), symptoms: [{ symptom: "erythema", grade: 2 }, { symptom: "dryness", grade: 1 }] }, session)).toBeNull();
  });

  it("raises a high alert for any grade 3, and not for grade 2", () => {
    expect(reactionAlert({ reportedAt: hoursAfter(2), symptoms: [{ symptom: "pain", grade: 3 }] }, session)).toMatchObject({
      kind: "severe_reaction",
      severity: "high",
      summary: "Severe pain or burning.",
    });
    expect(reactionAlert({ reportedAt: hoursAfter(2), symptoms: [{ symptom: "pain", grade: 2 }] }, session)).toBeNull();
  });

  it("raises a high alert for any infection at grade 1", () => {
    expect(reactionAlert({ reportedAt: hoursAfter(2), symptoms: [{ symptom: "infection", grade: 1 }] }, session)?.kind).toBe("infection");
    expect(reactionAlert({ reportedAt: hoursAfter(2), symptoms: [{ symptom: "infection", grade: 0 }] }, session)).toBeNull();
  });

  it("raises redness or swelling only once it is reported more than 72 hours after the session", () => {
    const symptoms = [{ symptom: "erythema" as const, grade: 1 }];
    expect(reactionAlert({ reportedAt: hoursAfter(72), symptoms }, session)).toBeNull();
    expect(reactionAlert({ reportedAt: hoursAfter(72.5), symptoms }, session)).toMatchObject({ kind: "persistent_reaction", severity: "high" });
    expect(reactionAlert({ reportedAt: hoursAfter(100), symptoms: [{ symptom: "itching", grade: 1 }] }, session)).toBeNull();
    expect(reactionAlert({ reportedAt: hoursAfter(100), symptoms }, null)).toBeNull();
  });

  it("raises one alert listing every reason, as the most urgent kind", () => {
    const alert = reactionAlert({ reportedAt: hoursAfter(80), symptoms: [{ symptom: "infection", grade: 3 }, { symptom: "swelling", grade: 2 }] }, session);
    expect(alert?.kind).toBe("infection");
    expect(alert?.summary).toMatch(/possible infection \(grade 3\); severe signs of infection.*; swelling still present 80 hours/i);
  });

  it("follows a clinic's edited rules", () => {
    const strict = { ...DEFAULT_ALERT_RULES, severeGrade: 2 };
    expect(reactionAlert({ reportedAt: hoursAfter(2), symptoms: [{ symptom: "pain", grade: 2 }] }, session, strict)?.kind).toBe("severe_reaction");
  });
});

describe("sessionAlert", () => {
  it("raises a normal alert for any flagged session, none otherwise", () => {
    expect(sessionAlert([])).toBeNull();
    expect(sessionAlert(["needle_exceeds_plan", "interval_too_short"])).toEqual({
      kind: "off_plan_session",
      severity: "normal",
      summary: "Off-plan session: needle longer than plan, too soon after last session.",
    });
  });
});

describe("needsUrgentGuidance", () => {
  it("is shown for any grade 3 or any infection", () => {
    expect(needsUrgentGuidance([{ symptom: "erythema", grade: 2 }])).toBe(false);
    expect(needsUrgentGuidance([{ symptom: "erythema", grade: 3 }])).toBe(true);
    expect(needsUrgentGuidance([{ symptom: "infection", grade: 1 }])).toBe(true);
  });
});
