import { writeAudit, type ClinicContext, type PatientState } from "./context";
import { Rng } from "./random";
import { intakeAnswers, recordScreening } from "./screening";
import { DAY, iso, MINUTE, nextOfficeMoment, officeHours } from "./time";
import { firstDecision, playTimeline } from "./timeline";
import { FAMILY_NAMES, GIVEN_NAMES } from "./vocabulary";

export type PatientPlan = { index: number; seed: number; days: number };

const SKIN_TYPES = [
  { value: 1, weight: 10 },
  { value: 2, weight: 25 },
  { value: 3, weight: 25 },
  { value: 4, weight: 20 },
  { value: 5, weight: 12 },
  { value: 6, weight: 8 },
];

/** Synthetic MRNs have seven digits; the demo's have six, so the two never meet. */
export const syntheticMrn = (index: number) => `NS-${1_000_001 + index}`;

/**
 * When the patient joined: over half were already on the books as the window opens (they join
 * the history in its first weeks), the rest arrive evenly over it (the practice is busy throughout).
 */
function enrolment(rng: Rng, start: number, days: number): number {
  const offset = rng.chance(0.55) ? rng.int(0, Math.min(45, days - 1)) : rng.int(0, days - 1);
  return officeHours(rng, start + offset * DAY);
}

/**
 * One patient's whole history, from its own random stream: the record (with a portal account for
 * most), the intake screening, the first decision and everything that followed until `now`.
 */
export function synthesizePatient(ctx: ClinicContext, { index, seed, days }: PatientPlan): void {
  const rng = new Rng(seed, index);
  const given = rng.pick(GIVEN_NAMES);
  const family = rng.pick(FAMILY_NAMES);
  const name = `${given} ${family}`;
  const enrolledAt = enrolment(rng, ctx.now - days * DAY, days);
  const clinician = rng.pick(ctx.clinicians);
  const id = rng.uuid();
  const created = iso(enrolledAt);

  let portalUserId: string | null = null;
  if (rng.chance(0.92)) {
    portalUserId = rng.uuid();
    const email = `${given}.${family}.${index + 1}@patient.test`.toLowerCase();
    ctx.writer.add("user", [portalUserId, ctx.clinicId, email, name, "patient", ctx.passwordHash, created, created]);
  }
  const mrn = syntheticMrn(index);
  const dateOfBirth = `${rng.int(1950, 2004)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
  const skinType = rng.weighted(SKIN_TYPES).value;
  ctx.writer.add("patient", [id, ctx.clinicId, clinician.id, portalUserId, mrn, name, dateOfBirth, skinType, created, created]);
  const registeredBy = rng.chance(0.3) ? ctx.admin : clinician;
  writeAudit(ctx, enrolledAt, registeredBy, "patient.create", id, { after: { name, dateOfBirth, mrn, skinType, responsibleClinicianId: clinician.id } });

  const p: PatientState = {
    rng,
    id,
    clinician,
    portalUserId,
    portalIp: `198.51.100.${rng.int(1, 254)}`,
    skinType,
    plans: [],
    screening: null,
    lastByArea: new Map(),
    recentByArea: new Map(),
    pausedSince: null,
    suspension: null,
    nextDecisionAt: Infinity,
    habits: { slackMeanDays: rng.between(0.1, 1.3), device: rng.weighted(DEVICES).value, cautious: rng.chance(0.15) },
  };
  const screenedAt = enrolledAt + rng.int(5, 25) * MINUTE;
  recordScreening(ctx, p, clinician, screenedAt, intakeAnswers(rng, screenedAt));
  // Most decide within a few days; a few patients are still waiting (pending) or never came back.
  const decisionAt = nextOfficeMoment(rng, screenedAt + rng.exponential(2) * DAY);
  if (decisionAt >= ctx.now || rng.chance(0.02)) return;
  firstDecision(ctx, p, decisionAt);
  playTimeline(ctx, p);
}

const DEVICES = [
  { value: "roller" as const, weight: 70 },
  { value: "pen" as const, weight: 20 },
  { value: "stamp" as const, weight: 10 },
];
