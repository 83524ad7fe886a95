import { newContraindicationAlert } from "@/lib/domain/holds";
import { addMonths } from "@/lib/domain/dates";
import { screeningItemLabel } from "@/lib/domain/clinical";
import { raiseContraindicationAlert } from "./alerts";
import { runSessions } from "./care";
import { currentPlan, type ClinicContext, type DecidedPlan, type PatientState } from "./context";
import { approvePlan, choosePlanAreas, declinePlan, expiryOf, progressedAreas } from "./plans";
import { coveringClinician } from "./review";
import { clearedAnswers, evaluateAt, recordScreening, withPregnancy } from "./screening";
import { DAY, MINUTE, officeHours } from "./time";
import { DENIAL_REASONS, SUSPENSION_REASONS } from "./vocabulary";

/**
 * Plays one patient's care forward from their first decision until `now`: each plan version runs
 * until the next decision (renewal, suspension, re-approval) or until nothing more happens. Every
 * decision is written when its moment comes, so versions land in order and sessions before them.
 */
export function playTimeline(ctx: ClinicContext, p: PatientState): void {
  for (let guard = 0; guard < 100; guard += 1) {
    const plan = currentPlan(p);
    if (!plan) return;
    const decided = plan.decision === "approved" ? runApproval(ctx, p, plan) : runDeclined(ctx, p, plan);
    if (!decided) return;
  }
}

/** A clinic visit that re-screens and approves a moment later; false when it falls after `now`. */
function reapprove(ctx: ClinicContext, p: PatientState, at: number, areas: DecidedPlan["areas"], answers = p.screening!.answers): boolean {
  if (at >= ctx.now) return false;
  const by = coveringClinician(ctx, p, 0.1);
  recordScreening(ctx, p, by, at, answers);
  const decidedAt = at + p.rng.int(5, 40) * MINUTE;
  if (decidedAt >= ctx.now) return false;
  approvePlan(ctx, p, by, decidedAt, areas);
  return true;
}

/** An approved plan: sessions until renewal, suspension, drop-out or expiry; returns whether a new version followed. */
function runApproval(ctx: ClinicContext, p: PatientState, plan: DecidedPlan): boolean {
  const { rng } = p;
  const expiry = expiryOf(plan);
  const renewalAt = rng.chance(0.85) ? Math.max(officeHours(rng, expiry - rng.int(1, 14) * DAY), plan.decidedAt + DAY) : null;
  const dropoutAt = rng.chance(0.06) ? plan.decidedAt + rng.between(0.1, 0.9) * (expiry - plan.decidedAt) : Infinity;
  p.nextDecisionAt = renewalAt ?? Infinity;
  runSessions(ctx, p, plan, plan.decidedAt, Math.min(expiry, renewalAt ?? Infinity, dropoutAt, ctx.now));
  if (recordBookedSuspension(ctx, p)) return true;
  if (renewalAt !== null && dropoutAt > renewalAt) return renew(ctx, p, plan, renewalAt);
  if (dropoutAt !== Infinity || expiry >= ctx.now) return false;
  // Expired without a renewal: some carry on regardless for a while, some come back for a new plan.
  if (rng.chance(0.2)) runSessions(ctx, p, plan, expiry, Math.min(expiry + rng.int(5, 40) * DAY, ctx.now));
  if (recordBookedSuspension(ctx, p)) return true;
  return rng.chance(0.5) && reapprove(ctx, p, officeHours(rng, expiry + rng.int(14, 150) * DAY), plan.areas);
}

/** An alert resolved with "suspend plan" during the sessions just played: the suspension is the next version. */
function recordBookedSuspension(ctx: ClinicContext, p: PatientState): boolean {
  if (!p.suspension) return false;
  const { at, by, reason } = p.suspension;
  p.suspension = null;
  declinePlan(ctx, p, by, at, "suspended", reason);
  return true;
}

/** The renewal visit: usually the same or a step longer; now and then a pregnancy that pauses the plan. */
function renew(ctx: ClinicContext, p: PatientState, plan: DecidedPlan, at: number): boolean {
  const { rng } = p;
  if (at >= ctx.now) return false;
  if (!rng.chance(0.03) || p.screening!.yes.includes("pregnancy")) {
    const areas = rng.chance(0.3) ? progressedAreas(plan.areas) : rng.chance(0.1) ? choosePlanAreas(rng) : plan.areas;
    return reapprove(ctx, p, at, areas);
  }
  const by = p.clinician;
  recordScreening(ctx, p, by, at, withPregnancy(p.screening!.answers), ["pregnancy"]);
  const decisionAt = officeHours(rng, at + rng.int(1, 4) * DAY);
  const draft = newContraindicationAlert([screeningItemLabel("pregnancy")], by.name, { portalActive: true, phone: null });
  raiseContraindicationAlert(ctx, p, draft, at, { at: decisionAt, by, suspendedVersion: plan.version + 1 });
  p.pausedSince = at;
  // Some patients miss the message and do one more session while the plan is paused.
  if (rng.chance(0.15)) runSessions(ctx, p, plan, at - DAY, decisionAt, 1);
  if (decisionAt >= ctx.now) return false;
  declinePlan(ctx, p, by, decisionAt, "suspended", SUSPENSION_REASONS.pregnancy);
  return true;
}

/** A denied or suspended plan: now and then a session anyway; often a later re-screen and approval. */
function runDeclined(ctx: ClinicContext, p: PatientState, plan: DecidedPlan): boolean {
  const { rng } = p;
  const denied = plan.decision === "denied";
  if (p.lastByArea.size > 0 && rng.chance(denied ? 0.03 : 0.05)) {
    runSessions(ctx, p, plan, plan.decidedAt, Math.min(plan.decidedAt + 30 * DAY, ctx.now), 1);
  }
  if (!rng.chance(denied ? 0.35 : 0.45)) return false;
  const pregnant = p.screening!.yes.includes("pregnancy");
  let at = plan.decidedAt + (pregnant ? rng.int(300, 500) : denied ? rng.int(60, 200) : rng.int(20, 120)) * DAY;
  const isotretinoin = p.screening!.answers.find((a) => a.item === "isotretinoin" && a.answer && a.date);
  if (isotretinoin) at = Math.max(at, Date.parse(addMonths(isotretinoin.date!, ctx.settings.isotretinoinLookbackMonths)) + 10 * DAY);
  const previous = [...p.plans].reverse().find((v) => v.decision === "approved");
  return reapprove(ctx, p, officeHours(rng, at), previous?.areas ?? choosePlanAreas(rng), clearedAnswers(p.screening!.answers));
}

/** The first decision after intake: approval for most, denial for most blocking answers. */
export function firstDecision(ctx: ClinicContext, p: PatientState, at: number): void {
  const { rng } = p;
  const by = p.clinician;
  const blocks = evaluateAt(ctx, p.screening!.answers, at).blocks.map((b) => b.item);
  const overridable = blocks.every((item) => item === "keloid" || item === "skin_cancer" || item === "collagen_vascular");
  if (blocks.length > 0 && !(overridable && rng.chance(0.5))) {
    declinePlan(ctx, p, by, at, "denied", DENIAL_REASONS[blocks[0]!] ?? DENIAL_REASONS.none!);
  } else if (blocks.length === 0 && rng.chance(0.04)) {
    declinePlan(ctx, p, by, at, "denied", DENIAL_REASONS.none!);
  } else {
    approvePlan(ctx, p, by, at, blocks.length ? [{ area: "face", maxNeedleMm: 0.25 }] : choosePlanAreas(rng));
  }
}
