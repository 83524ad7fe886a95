import { formatClinicDateTime } from "./dates";
import { AREA_LABELS, hasPihRisk, type Area } from "./clinical";
import { symptomLabel, WARNING_SIGN_SYMPTOMS, type SymptomCode, type SymptomGrade } from "./reactions";
import { FLAG_LABELS, HIGH_RISK_FLAGS, type AreaSession, type SessionFlag } from "./session-flags";

/** DOMAIN.md's default alert rules; each clinic may tighten them (lib/domain/clinic-settings.ts). */
export type AlertRules = {
  severeGrade: number;
  infectionGrade: number;
  persistentSymptoms: string[];
  persistentGrade: number;
  persistentHours: number;
};

export const DEFAULT_ALERT_RULES: AlertRules = {
  severeGrade: 3,
  infectionGrade: 1,
  persistentSymptoms: ["erythema", "swelling"],
  persistentGrade: 1,
  persistentHours: 72,
};

/**
 * Bothersome symptoms that should have settled by 72 hours (DOMAIN.md: anything lasting beyond ~72 hours,
 * dark patches and acne flares are warning signs): a normal alert when they have not.
 */
export const LASTING_SYMPTOMS: readonly SymptomCode[] = ["pain", "itching", "hyperpigmentation", "breakout", "bleeding", "bruising"];
export const LASTING_GRADE = 2;
/** Reactions settle over the first two days; a symptom worse after that is a warning sign. */
export const WORSENING_AFTER_HOURS = 48;

export type AlertKind =
  | "infection"
  | "warning_sign"
  | "severe_reaction"
  | "persistent_reaction"
  | "worsening_reaction"
  | "lasting_symptom"
  | "off_plan_session"
  | "new_contraindication"
  | "new_review_item"
  | "health_change";
export type AlertSeverity = "high" | "normal";
export type AlertDraft = { kind: AlertKind; severity: AlertSeverity; summary: string };

const HOUR_MS = 3_600_000;
type Reason = { kind: AlertKind; severity: AlertSeverity; text: string };

const names = (symptoms: SymptomGrade[]) => symptoms.map((s) => symptomLabel(s.symptom).toLowerCase()).join(" and ");

/** One alert per report: the most urgent reason gives its kind and severity, every reason is in the summary. */
function combine(reasons: Reason[]): AlertDraft | null {
  if (reasons.length === 0) return null;
  const first = reasons.find((r) => r.severity === "high") ?? reasons[0]!;
  const summary = reasons.map((r) => r.text).join("; ");
  return { kind: first.kind, severity: first.severity, summary: summary.charAt(0).toUpperCase() + summary.slice(1) + "." };
}

export type ReactionAlertInput = {
  reaction: { reportedAt: string; symptoms: SymptomGrade[] };
  session: { performedAt: string } | null;
  /** The latest earlier report about the same session, to see a symptom getting worse. */
  previousReport?: { reportedAt: string; symptoms: SymptomGrade[] } | null;
  rules?: AlertRules;
  /** The patient's Fitzpatrick skin type: dark patches on IV–VI (post-inflammatory hyperpigmentation risk) are high at any grade. */
  skinType?: number;
};

const FITZPATRICK = ["I", "II", "III", "IV", "V", "VI"];

export function reactionAlert({ reaction, session, previousReport = null, rules = DEFAULT_ALERT_RULES, skinType }: ReactionAlertInput): AlertDraft | null {
  const reasons: Reason[] = [];
  const infection = reaction.symptoms.find((s) => s.symptom === "infection" && s.grade >= rules.infectionGrade);
  if (infection) reasons.push({ kind: "infection", severity: "high", text: `possible infection (grade ${infection.grade})` });
  const warnings = reaction.symptoms.filter((s) => WARNING_SIGN_SYMPTOMS.includes(s.symptom) && s.grade >= 1);
  if (warnings.length) reasons.push({ kind: "warning_sign", severity: "high", text: `warning sign: ${names(warnings)}` });
  const pihRisk = skinType !== undefined && hasPihRisk(skinType);
  const darkPatches = pihRisk ? reaction.symptoms.find((s) => s.symptom === "hyperpigmentation" && s.grade >= 1) : undefined;
  if (darkPatches) {
    const type = FITZPATRICK[skinType! - 1] ?? String(skinType);
    reasons.push({ kind: "warning_sign", severity: "high", text: `dark patches on skin type ${type} (grade ${darkPatches.grade}): risk of lasting pigmentation` });
  }
  const severe = reaction.symptoms.filter((s) => s.grade >= rules.severeGrade);
  if (severe.length) reasons.push({ kind: "severe_reaction", severity: "high", text: `severe ${severe.map((s) => symptomLabel(s.symptom).toLowerCase()).join(", ")}` });
  if (session) {
    const hours = (Date.parse(reaction.reportedAt) - Date.parse(session.performedAt)) / HOUR_MS;
    const after = `${Math.floor(hours)} hours after the session`;
    if (previousReport && hours > WORSENING_AFTER_HOURS) {
      const before = new Map(previousReport.symptoms.map((s) => [s.symptom, s.grade]));
      const worse = reaction.symptoms.filter((s) => s.grade > (before.get(s.symptom) ?? 0));
      if (worse.length) reasons.push({ kind: "worsening_reaction", severity: "high", text: `${names(worse)} worse than the previous report, ${after}` });
    }
    if (hours > rules.persistentHours) {
      const lasting = reaction.symptoms.filter((s) => rules.persistentSymptoms.includes(s.symptom) && s.grade >= rules.persistentGrade);
      if (lasting.length) reasons.push({ kind: "persistent_reaction", severity: "high", text: `${names(lasting)} still present ${after}` });
    }
    if (hours > DEFAULT_ALERT_RULES.persistentHours) {
      // Dark patches on skin types IV–VI are already a high reason above.
      const bothersome = reaction.symptoms.filter((s) => LASTING_SYMPTOMS.includes(s.symptom) && s.grade >= LASTING_GRADE && !(darkPatches && s.symptom === "hyperpigmentation"));
      if (bothersome.length) reasons.push({ kind: "lasting_symptom", severity: "normal", text: `${names(bothersome)} still bothersome ${after}` });
    }
  }
  return combine(reasons);
}


/**
 * A flagged session raises one alert: high when the patient used a clinic depth or microneedled
 * while told not to, normal otherwise. A spacing flag names the neighbouring session too.
 */
export function sessionAlert(flags: SessionFlag[], session?: { performedAt: string; area: string }, tooClose: AreaSession[] = [], timeZone = "UTC"): AlertDraft | null {
  if (flags.length === 0) return null;
  const severity: AlertSeverity = flags.some((f) => HIGH_RISK_FLAGS.includes(f)) ? "high" : "normal";
  let summary = `Off-plan session: ${flags.map((f) => FLAG_LABELS[f].toLowerCase()).join(", ")}.`;
  if (session && tooClose.length) {
    const area = (AREA_LABELS[session.area as Area] ?? session.area).toLowerCase();
    // Stored text, read later by clinicians: the clinic's zone, named.
    const when = (iso: string) => formatClinicDateTime(iso, timeZone);
    const others = tooClose.map((s) => when(s.performedAt)).join(" and ");
    summary += ` This ${area} session (${when(session.performedAt)}) is too close to the ${area} session of ${others}.`;
  }
  return { kind: "off_plan_session", severity, summary };
}
