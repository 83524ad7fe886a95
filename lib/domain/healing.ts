import type { SymptomGrade } from "./reactions";

export type LinkedReport = { reportedAt: string; symptoms: SymptomGrade[] };

const DAY_MS = 86_400_000;

/**
 * Days from a session until every symptom reported after it was reported back at 0, to one decimal;
 * null while any is still present (or was never reported again: a symptom left out of a later report
 * is unknown, not healed). A session whose reports never graded anything above 0 healed at once.
 */
export function healingDays(performedAt: string, reports: LinkedReport[]): number | null {
  const ordered = [...reports].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  const lastPositive = new Map<string, number>();
  ordered.forEach((report, index) => report.symptoms.forEach((s) => s.grade >= 1 && lastPositive.set(s.symptom, index)));
  let healedAt = Date.parse(performedAt);
  for (const [symptom, index] of lastPositive) {
    const clear = ordered.slice(index + 1).find((r) => r.symptoms.some((s) => s.symptom === symptom && s.grade === 0));
    if (!clear) return null;
    healedAt = Math.max(healedAt, Date.parse(clear.reportedAt));
  }
  return Math.round(((healedAt - Date.parse(performedAt)) / DAY_MS) * 10) / 10;
}

/**
 * Whether the latest value is worse than every one of the (up to) two before it: a course of
 * treatment getting worse, not one bad day among good ones. Null (still healing) counts as worst.
 */
export function isRising(values: (number | null)[]): boolean {
  if (values.length < 2) return false;
  const rank = (v: number | null) => (v === null ? Infinity : v);
  const latest = rank(values.at(-1)!);
  const before = values.slice(-3, -1).map(rank);
  return before.every((v) => latest > v);
}
