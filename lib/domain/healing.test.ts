import { describe, expect, it } from "vitest";
import { healingDays, isRising, type LinkedReport } from "./healing";

const session = "2026-11-01T10:00:00.000Z";
const after = (hours: number) => new Date(Date.parse(session) + hours * 3_600_000).toISOString();

describe("healingDays", () => {
  it("is the time until the last symptom was reported back at 0", () => {
    expect(
      healingDays(session, [
        { reportedAt: after(6), symptoms: [{ symptom: "erythema", grade: 2 }, { symptom: "swelling", grade: 1 }] },
        { reportedAt: after(30), symptoms: [{ symptom: "erythema", grade: 1 }, { symptom: "swelling", grade: 0 }] },
        { reportedAt: after(60), symptoms: [{ symptom: "erythema", grade: 0 }, { symptom: "swelling", grade: 0 }] },
      ]),
    ).toBe(2.5);
  });

  it("is null while a symptom never comes back to 0, or is left out of later reports", () => {
    expect(healingDays(session, [{ reportedAt: after(6), symptoms: [{ symptom: "erythema", grade: 1 }] }])).toBeNull();
    expect(
      healingDays(session, [
        { reportedAt: after(6), symptoms: [{ symptom: "erythema", grade: 1 }, { symptom: "pain", grade: 1 }] },
        { reportedAt: after(40), symptoms: [{ symptom: "pain", grade: 0 }] },
      ]),
    ).toBeNull();
  });

  it("restarts when a symptom returns after reaching 0, and ignores report order", () => {
    const reports: LinkedReport[] = [
      { reportedAt: after(80), symptoms: [{ symptom: "erythema", grade: 0 }] },
      { reportedAt: after(6), symptoms: [{ symptom: "erythema", grade: 1 }] },
      { reportedAt: after(24), symptoms: [{ symptom: "erythema", grade: 0 }] },
      { reportedAt: after(48), symptoms: [{ symptom: "erythema", grade: 1 }] },
    ];
    expect(healingDays(session, reports)).toBe(3.3);
  });

  it("is 0 when nothing was ever above 0", () => {
    expect(healingDays(session, [{ reportedAt: after(6), symptoms: [{ symptom: "erythema", grade: 0 }] }])).toBe(0);
  });
});

describe("isRising", () => {
  it("needs the latest to be worse than each of the two before it", () => {
    expect(isRising([1, 2, 3])).toBe(true);
    expect(isRising([3, 1, 2])).toBe(false);
    expect(isRising([2, 2])).toBe(false);
    expect(isRising([1, 4, 2, 5])).toBe(true);
    expect(isRising([5])).toBe(false);
  });

  it("counts still healing as the worst", () => {
    expect(isRising([2, 3, null])).toBe(true);
    expect(isRising([null, 2, 3])).toBe(false);
  });
});
