import type { AlertDraft, AlertKind } from "./alert-rules";
import type { ScreeningClass } from "./clinical";

/**
 * When home microneedling stops between plan decisions (issue #20). DOMAIN.md: inflamed or infected skin
 * must not be needled and fever is systemic, so a warning sign stops every area, not only the one it
 * was reported on; a blocking contraindication (screened by the clinician or told by the patient)
 * stops it too. Review-class answers only ask the clinician to look: the plan stays usable.
 */
export const PAUSE_REASONS = ["warning_sign", "contraindication", "health_change"] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** The reaction alert kinds that are warning signs: the reaction rules make them high. */
const WARNING_SIGN_KINDS: readonly AlertKind[] = ["infection", "warning_sign", "severe_reaction"];

/** Whether a reaction's alert stops home microneedling: a high alert for infection, fever, blisters, scarring, nodules or any grade 3. */
export function pausesForReaction(alert: AlertDraft | null): boolean {
  return alert !== null && alert.severity === "high" && WARNING_SIGN_KINDS.includes(alert.kind);
}

/** How the patient learns they must stop: only the portal if they can sign in to it, else somebody must call. */
export type PatientReach = { portalActive: boolean; phone: string | null };

/**
 * What the alert says happened to the patient, and no more: "shown in the portal" only when they have an
 * active portal account; otherwise nobody has told them yet, and the alert says to call.
 */
export function reachNote(reach: PatientReach): string {
  if (reach.portalActive) return "The patient is shown a stop notice in the portal.";
  return `The patient has no portal access: call them${reach.phone ? ` on ${reach.phone}` : " (no phone number on record)"} to tell them to stop, and record the call.`;
}

/** The reaction alert of a warning sign, with what the patient has been shown. */
export function withPauseNote(alert: AlertDraft, reach: PatientReach): AlertDraft {
  return { ...alert, summary: `${alert.summary} Home microneedling is paused until a clinician clears it. ${reachNote(reach)}` };
}

/** A screening newly answers a blocking item yes while the plan is approved. */
export function newContraindicationAlert(items: string[], clinicianName: string, reach: PatientReach): AlertDraft {
  return {
    kind: "new_contraindication",
    severity: "high",
    summary: `New contraindication on an active plan: ${items.join("; ")}. Home microneedling is paused until ${clinicianName} (responsible clinician) decides again or clears it. ${reachNote(reach)}`,
  };
}

/** A screening newly answers a review-class item yes on an approved plan: the clinician must acknowledge it. */
export function newReviewItemAlert(items: string[]): AlertDraft {
  return {
    kind: "new_review_item",
    severity: "normal",
    summary: `New screening answer to review on an active plan: ${items.join("; ")}. The plan stays usable and shows "needs review" until a clinician acknowledges it.`,
  };
}

export type HealthChangeFinding = { item: string; label: string; class: ScreeningClass; note: string | null };

/**
 * The patient (or staff taking their call) told the clinic of a change in health. A blocking item stops
 * home microneedling at once (high); a review item, or a medicine we have no class for, asks a clinician
 * to look (normal). One alert per report, the blocking items first.
 */
export function healthChangeAlert(findings: HealthChangeFinding[], source: "patient" | "staff", reach: PatientReach): AlertDraft {
  const blocks = findings.filter((f) => f.class === "block");
  const reviews = findings.filter((f) => f.class === "review");
  const who = source === "patient" ? "The patient reported" : "Staff recorded, from the patient,";
  const describe = (f: HealthChangeFinding) => (f.note ? `${f.label} (${f.note})` : f.label);
  const parts = [
    blocks.length ? `blocking: ${blocks.map(describe).join("; ")}` : null,
    reviews.length ? `to review: ${reviews.map(describe).join("; ")}` : null,
  ].filter(Boolean);
  const outcome = blocks.length
    ? ` Home microneedling is paused until a clinician clears it. ${reachNote(reach)}`
    : " The plan stays usable until a clinician reviews it.";
  return { kind: "health_change", severity: blocks.length ? "high" : "normal", summary: `${who} a change in health: ${parts.join("; ")}.${outcome}` };
}

/** A hold as a plan decision sees it. */
export type OpenHold = { id: string; kind: "pause" | "review"; reason: string; items: string[]; since: string };

export type DecisionFacts = {
  decision: "approved" | "denied" | "suspended";
  /** When the screening the decision was made on was recorded. */
  screeningRecordedAt: string | null;
  acknowledgedReviewItems: string[];
};

/**
 * The holds a new plan decision ends. An approval made on a screening recorded since a contraindication
 * or a health change was raised has weighed it (the plan rules then required an override for every
 * blocking answer), so it ends that pause; a review hold ends when the approval acknowledges its items
 * or rests on such a screening. A warning sign is never ended by a decision: a clinician clears it with
 * a note. A denial or suspension ends nothing: the patient must not microneedle either way.
 */
export function holdsEndedByDecision(holds: OpenHold[], facts: DecisionFacts): string[] {
  if (facts.decision !== "approved") return [];
  const rescreened = (hold: OpenHold) => facts.screeningRecordedAt !== null && facts.screeningRecordedAt >= hold.since;
  return holds
    .filter((hold) => {
      if (hold.kind === "review") return rescreened(hold) || hold.items.every((item) => facts.acknowledgedReviewItems.includes(item));
      return hold.reason !== "warning_sign" && rescreened(hold);
    })
    .map((hold) => hold.id);
}
