import { SCREENING_ITEMS } from "@/lib/domain/clinical";
import { evaluateScreening, type ScreeningAnswer, type ScreeningEvaluation } from "@/lib/domain/screening";
import { writeAudit, type ClinicContext, type PatientState, type ScreeningAnswerRow, type Staff } from "./context";
import type { Rng } from "./random";
import { DAY, iso, isoDate } from "./time";

/** Review-class findings seen at intake (DOMAIN.md), most common first. */
const REVIEW_FINDINGS = [
  { item: "rosacea", weight: 5 },
  { item: "eczema_psoriasis", weight: 4 },
  { item: "recent_procedure", weight: 3, daysAgo: [5, 25] },
  { item: "anticoagulants", weight: 3 },
  { item: "metal_allergy", weight: 2 },
  { item: "diabetes_wound_healing", weight: 1 },
  { item: "cardiac", weight: 1 },
] as const;

/** Blocking findings: the patient is usually denied, or approved with a recorded override. */
const BLOCK_FINDINGS = [
  { item: "pregnancy", weight: 30 },
  { item: "isotretinoin", weight: 25, daysAgo: [20, 150] },
  { item: "active_acne", weight: 20 },
  { item: "keloid", weight: 8 },
  { item: "active_infection", weight: 5 },
  { item: "skin_cancer", weight: 5 },
  { item: "collagen_vascular", weight: 4 },
  { item: "immunosuppression", weight: 3 },
] as const;

type Finding = { item: string; daysAgo?: readonly [number, number] };

function answersWith(findings: Finding[], rng: Rng, at: number): ScreeningAnswerRow[] {
  return SCREENING_ITEMS.map(({ code }) => {
    const found = findings.find((f) => f.item === code);
    if (!found) return { item: code, answer: false, date: null };
    const date = found.daysAgo ? isoDate(at - rng.int(found.daysAgo[0], found.daysAgo[1]) * DAY) : null;
    return { item: code, answer: true, date };
  });
}

/** The intake screening: mostly clean, some cautions, a few contraindications. */
export function intakeAnswers(rng: Rng, at: number): ScreeningAnswerRow[] {
  const findings: Finding[] = [];
  const roll = rng.next();
  if (roll < 0.1) findings.push(rng.weighted(BLOCK_FINDINGS));
  if (roll >= 0.08 && roll < 0.24) findings.push(rng.weighted(REVIEW_FINDINGS));
  return answersWith(findings, rng, at);
}

/** Contraindications that pass: a dated isotretinoin answer simply falls out of the lookback. */
const PASSING = new Set(["pregnancy", "active_infection", "active_acne", "immunosuppression"]);

/**
 * A re-screening after the reason for a denial or suspension has passed: passing contraindications
 * are now "no"; lasting ones (keloid history, say) stay and need the clinician's override.
 */
export function clearedAnswers(previous: ScreeningAnswerRow[]): ScreeningAnswerRow[] {
  return previous.map((a) => (a.answer && PASSING.has(a.item) ? { ...a, answer: false, date: null } : a));
}

/** A renewal screening that finds a pregnancy: a new contraindication on an active plan. */
export function withPregnancy(previous: ScreeningAnswerRow[]): ScreeningAnswerRow[] {
  return previous.map((a) => (a.item === "pregnancy" ? { ...a, answer: true, date: null } : a));
}

export function evaluateAt(ctx: ClinicContext, answers: ScreeningAnswerRow[], at: number): ScreeningEvaluation {
  return evaluateScreening(answers as ScreeningAnswer[], ctx.settings, isoDate(at));
}

/** Records a screening version and its audit row, as lib/data/screenings.ts recordScreening does. */
export function recordScreening(ctx: ClinicContext, p: PatientState, by: Staff, at: number, answers: ScreeningAnswerRow[], newBlocks: string[] = []): void {
  const version = (p.screening?.version ?? 0) + 1;
  ctx.writer.add("screening", [p.rng.uuid(), p.id, version, JSON.stringify(answers), by.id, iso(at)]);
  const yes = answers.filter((a) => a.answer).map((a) => a.item);
  writeAudit(ctx, at, by, "screening.record", p.id, {
    before: p.screening && { version: p.screening.version, yes: p.screening.yes },
    after: { version, yes },
    ...(newBlocks.length ? { newContraindicationOnActivePlan: newBlocks } : {}),
  });
  p.screening = { version, recordedAt: at, answers, yes };
}
