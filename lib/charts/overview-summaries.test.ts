import { describe, expect, it } from "vitest";
import { alertsSummary, attentionSummary, offPlanSummary, plansSummary, reactionsSummary } from "./overview-summaries";
import { groupNeedsAttention, percent, percentTicks, pivotReactions, planStatusRows, weekLabel } from "./overview-shape";

const counts = { approved: 12, denied: 1, suspended: 2, expired: 3, pending: 0 };

describe("overview shaping", () => {
  it("lists every status once, working plans first, with the counts unchanged", () => {
    const rows = planStatusRows(counts);
    expect(rows.map((r) => r.status)).toEqual(["approved", "pending", "suspended", "expired", "denied"]);
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(18);
  });

  it("pivots reactions by symptom, most reported first, keeping every count", () => {
    const rows = [
      { symptom: "swelling", grade: 1, count: 2 },
      { symptom: "erythema", grade: 1, count: 5 },
      { symptom: "erythema", grade: 3, count: 1 },
      { symptom: "pain", grade: 2, count: 2 },
    ];
    const { symptoms, grades } = pivotReactions(rows);
    expect(symptoms.map((s) => [s.symptom, s.total])).toEqual([["erythema", 6], ["swelling", 2], ["pain", 2]]);
    expect(symptoms[0]!.grades).toEqual({ 1: 5, 3: 1 });
    expect(symptoms[0]!.label).toBe("Redness");
    expect(grades).toEqual([1, 2, 3]);
  });

  it("groups needs-attention rows per patient, keeping the server's order", () => {
    const grouped = groupNeedsAttention([
      { patientId: "b", name: "B", reason: "Open high alert" },
      { patientId: "a", name: "A", reason: "Plan expires in 3 days" },
      { patientId: "b", name: "B", reason: "Healing time rising" },
      { patientId: "b", name: "B", reason: "Open high alert" },
    ]);
    expect(grouped).toEqual([
      { patientId: "b", name: "B", reasons: ["Open high alert", "Healing time rising"] },
      { patientId: "a", name: "A", reasons: ["Plan expires in 3 days"] },
    ]);
  });

  it("formats weeks as calendar dates and shares with one decimal", () => {
    expect(weekLabel("2026-03-02")).toBe("2 Mar");
    expect(percent(0.0625)).toBe("6.3%");
    expect(percent(0)).toBe("0.0%");
    expect(percent(1)).toBe("100.0%");
  });

  it("puts the off-plan axis on round steps that reach the highest share", () => {
    expect(percentTicks(0)).toEqual([0, 0.1]);
    expect(percentTicks(0.1)).toEqual([0, 0.1]);
    expect(percentTicks(0.333)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(percentTicks(0.51)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(percentTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe("overview summaries", () => {
  it("states the roster total and each status present", () => {
    expect(plansSummary(counts)).toBe("18 patients: 12 approved, 2 suspended, 3 expired and 1 denied.");
    expect(plansSummary({ approved: 0, denied: 0, suspended: 0, expired: 0, pending: 0 })).toBe("The clinic has no patients yet.");
  });

  it("totals alerts and names the busiest week", () => {
    const weeks = [
      { week: "2026-03-02", raised: 1, resolved: 0 },
      { week: "2026-03-09", raised: 4, resolved: 2 },
      { week: "2026-03-16", raised: 0, resolved: 3 },
    ];
    expect(alertsSummary(weeks)).toBe("5 alerts raised and 5 resolved since the week of 2 Mar; most were raised in the week of 9 Mar (4).");
    expect(alertsSummary([])).toBe("No alerts were raised or resolved in these weeks.");
  });

  it("names the most reported symptom and the severe reports", () => {
    const rows = [
      { symptom: "erythema", grade: 1, count: 5 },
      { symptom: "pain", grade: 3, count: 1 },
    ];
    expect(reactionsSummary(rows)).toBe("Redness was reported most often (5 times); 1 report graded severe.");
    expect(reactionsSummary([{ symptom: "erythema", grade: 1, count: 1 }])).toBe("Redness was reported most often (1 time); none was graded severe.");
    expect(reactionsSummary([])).toBe("No reactions were reported in this period.");
  });

  it("compares the latest off-plan share with the highest", () => {
    const weeks = [
      { week: "2026-03-02", share: 0.25 },
      { week: "2026-03-09", share: 0.1 },
    ];
    expect(offPlanSummary(weeks)).toBe("10.0% of sessions in the week of 9 Mar were flagged off-plan; the highest was 25.0% in the week of 2 Mar.");
    expect(offPlanSummary([{ week: "2026-03-09", share: 0.5 }])).toBe("50.0% of sessions in the week of 9 Mar were flagged off-plan, the highest share in these weeks.");
    expect(offPlanSummary([{ week: "2026-03-09", share: 0 }])).toBe("0.0% of sessions in the week of 9 Mar were flagged off-plan, and none in the weeks before.");
    expect(offPlanSummary([])).toBe("No sessions were logged in these weeks.");
  });

  it("counts patients needing attention", () => {
    expect(attentionSummary(0)).toBe("No patient needs attention right now.");
    expect(attentionSummary(1)).toBe("1 patient needs attention.");
    expect(attentionSummary(3)).toBe("3 patients need attention.");
  });
});
