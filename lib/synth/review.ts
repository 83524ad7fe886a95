import { writeAudit, type ClinicContext, type PatientState, type Staff } from "./context";
import { DAY, nextOfficeMoment } from "./time";

/** Clinicians sign reports off within ~10 days (most in one or two); newer reports may still wait. */
const MAX_REVIEW_DELAY_DAYS = 9;

export type Review = { by: Staff; at: number } | null;

/** The responsible clinician usually; a colleague covering now and then. */
export function coveringClinician(ctx: ClinicContext, p: PatientState, share = 0.15): Staff {
  return p.rng.chance(share) ? p.rng.pick(ctx.clinicians) : p.clinician;
}

/**
 * When a report was signed off, or null while it is still in the review queue. Reviewed reports are
 * inserted with reviewed_at already set (0008's trigger then never queues them).
 */
export function reviewOf(ctx: ClinicContext, p: PatientState, createdAt: number): Review {
  const delay = Math.min(p.rng.exponential(1.4), MAX_REVIEW_DELAY_DAYS) * DAY;
  const at = nextOfficeMoment(p.rng, createdAt + delay);
  const by = coveringClinician(ctx, p);
  return at < ctx.now ? { by, at } : null;
}

export function auditReview(ctx: ClinicContext, p: PatientState, kind: "session" | "reaction", id: string, review: Review): void {
  if (review) writeAudit(ctx, review.at, review.by, kind === "session" ? "session.review" : "reaction.review", p.id, `{"id":"${id}"}`);
}
