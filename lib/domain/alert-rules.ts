import type { SessionFlag } from "./session-flags";
import { FLAG_LABELS } from "./session-flags";
import { symptomLabel, type SymptomGrade } from "./reactions";

/** DOMAIN.md's default alert rules; each clinic may edit them. */
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

export type AlertKind = "severe_reaction" | "infection" | "persistent_reaction" | "off_plan_session";
export type AlertDraft = { kind: AlertKind; severity: "high" | "normal"; summary: string };

const HOUR_MS = 3_600_000;

/**
 * One alert per report, so a clinician sees one item per thing that happened. A reaction matching
 * several rules is raised once, as its most urgent kind, with every reason in the summary.
 */
export function reactionAlert(
  reaction: { reportedAt: string; symptoms: SymptomGrade[] },
  session: { performedAt: string } | null,
  rules: AlertRules = DEFAULT_ALERT_RULES,
): AlertDraft | null {
  const reasons: { kind: AlertKind; text: string }[] = [];
  const infection = reaction.symptoms.find((s) => s.symptom === "infection" && s.grade >= rules.infectionGrade);
  if (infection) reasons.push({ kind: "infection", text: `possible infection (grade ${infection.grade})` });
  const severe = reaction.symptoms.filter((s) => s.grade >= rules.severeGrade);
  if (severe.length) reasons.push({ kind: "severe_reaction", text: `severe ${severe.map((s) => symptomLabel(s.symptom).toLowerCase()).join(", ")}` });
  if (session) {
    const hours = (Date.parse(reaction.reportedAt) - Date.parse(session.performedAt)) / HOUR_MS;
    const lasting = reaction.symptoms.filter((s) => rules.persistentSymptoms.includes(s.symptom) && s.grade >= rules.persistentGrade);
    if (hours > rules.persistentHours && lasting.length) {
      reasons.push({
        kind: "persistent_reaction",
        text: `${lasting.map((s) => symptomLabel(s.symptom).toLowerCase()).join(" and ")} still present ${Math.floor(hours)} hours after the session`,
      });
    }
  }
  if (reasons.length === 0) return null;
  const summary = reasons.map((r) => r.text).join("; ");
  return { kind: reasons[0]!.kind, severity: "high", summary: summary.charAt(0).toUpperCase() + summary.slice(1) + "." };
}

export function sessionAlert(flags: SessionFlag[]): AlertDraft | null {
  if (flags.length === 0) return null;
  return { kind: "off_plan_session", severity: "normal", summary: `Off-plan session: ${flags.map((f) => FLAG_LABELS[f].toLowerCase()).join(", ")}.` };
}
