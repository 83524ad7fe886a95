import { SCREENING_ITEMS, screeningItemLabel, type ScreeningClass, type ScreeningItemCode } from "./clinical";
import type { ClinicSettings } from "./clinic-settings";
import { addDays, addMonths, type IsoDate } from "./dates";

export type ScreeningAnswer = { item: ScreeningItemCode; answer: boolean; date?: IsoDate | null };

export type ScreeningFinding = {
  item: ScreeningItemCode;
  label: string;
  class: ScreeningClass;
  date: IsoDate | null;
};

export type ScreeningEvaluation = { blocks: ScreeningFinding[]; reviews: ScreeningFinding[] };

const RECENT_PROCEDURE_DAYS = 30;

/**
 * Whether a "yes" still counts today. Isotretinoin counts while the last dose is within the clinic's
 * lookback; a recent procedure while it is within 30 days. A "yes" without a date always counts.
 */
export function answerIsCurrent(answer: ScreeningAnswer, settings: Pick<ClinicSettings, "isotretinoinLookbackMonths">, today: IsoDate): boolean {
  if (!answer.answer) return false;
  if (!answer.date) return true;
  if (answer.item === "isotretinoin") return answer.date >= addMonths(today, -settings.isotretinoinLookbackMonths);
  if (answer.item === "recent_procedure") return answer.date >= addDays(today, -RECENT_PROCEDURE_DAYS);
  return true;
}

/** Sorts the current "yes" answers into blocks (need a recorded override) and reviews (need acknowledging). */
export function evaluateScreening(answers: ScreeningAnswer[], settings: ClinicSettings, today: IsoDate): ScreeningEvaluation {
  const evaluation: ScreeningEvaluation = { blocks: [], reviews: [] };
  for (const item of SCREENING_ITEMS) {
    const answer = answers.find((a) => a.item === item.code);
    if (!answer || !answerIsCurrent(answer, settings, today)) continue;
    const cls = settings.screeningClasses[item.code] ?? item.defaultClass;
    const finding = { item: item.code, label: screeningItemLabel(item.code), class: cls, date: answer.date ?? null };
    (cls === "block" ? evaluation.blocks : evaluation.reviews).push(finding);
  }
  return evaluation;
}
