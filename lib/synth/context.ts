import type { ClinicSettings } from "@/lib/domain/clinic-settings";
import type { PlanInForce, SpacingRules } from "@/lib/domain/session-flags";
import type { TimedAreaSession } from "./flags";
import type { Rng } from "./random";
import type { RowWriter } from "./statements";
import { iso } from "./time";

export type Staff = { id: string; name: string; role: "clinician" | "admin"; ip: string };

/** What every patient's generation shares: the clinic, its people and rules, the row writer. */
export type ClinicContext = {
  clinicId: string;
  clinicians: Staff[];
  admin: Staff;
  settings: ClinicSettings;
  /** The settings' spacing rules, as session-flags.ts takes them. */
  rules: SpacingRules;
  /** The generated history ends just before this moment. */
  now: number;
  /** The demo password's hash, so synthetic accounts sign in like the demo ones. */
  passwordHash: string;
  writer: RowWriter;
};

/** A plan version as the generator remembers it: what the flag rules need, plus when and which. */
export type DecidedPlan = NonNullable<PlanInForce> & { decidedAt: number; summary: PlanSummary };

/** The plan as lib/data/plans.ts summarises it in the audit trail's before/after. */
export type PlanSummary = {
  version: number;
  decision: string;
  areas: { area: string; maxNeedleMm: number }[];
  minIntervalDays: number | null;
  reviewBy: string | null;
  reason: string | null;
  screeningVersion: number | null;
  overriddenItems: string[];
  confirmLongNeedle: boolean;
  acknowledgedReviewItems: string[];
};

/** A session in one area, with the redness that followed it (the spacing rules' input). */
export type AreaHistory = TimedAreaSession;

export type ScreeningState = { version: number; recordedAt: number; answers: ScreeningAnswerRow[]; yes: string[] };
export type ScreeningAnswerRow = { item: string; answer: boolean; date: string | null };

export type PatientState = {
  rng: Rng;
  id: string;
  clinician: Staff;
  /** The portal account the patient reports with; null when staff report for them by phone. */
  portalUserId: string | null;
  portalIp: string;
  skinType: number;
  plans: DecidedPlan[];
  screening: ScreeningState | null;
  /** The latest session in each area, ever. */
  lastByArea: Map<string, AreaHistory>;
  /** The sessions in each area within RECENT_DAYS of the latest, oldest first (the latest among them). */
  recentByArea: Map<string, AreaHistory[]>;
  /** A new blocking contraindication was screened at this moment on the current approval. */
  pausedSince: number | null;
  /** An alert was resolved with "suspend plan": the timeline records the suspension at that moment. */
  suspension: { at: number; by: Staff; reason: string } | null;
  /** The next decision already planned for the current plan (a renewal); a suspension must come before it. */
  nextDecisionAt: number;
  habits: Habits;
};

/** How one patient goes about home care, fixed for the whole history. */
export type Habits = {
  /** Mean days a patient waits beyond the required spacing. */
  slackMeanDays: number;
  device: "roller" | "pen" | "stamp";
  /** Stays one length below what the plan allows. */
  cautious: boolean;
};

export type Actor = { id: string; role: string; ip: string };

export const patientActor = (p: PatientState): Actor => ({ id: p.portalUserId ?? p.clinician.id, role: p.portalUserId ? "patient" : "clinician", ip: p.portalUserId ? p.portalIp : p.clinician.ip });

/**
 * One audit row in the shape lib/data/audit.ts recordAudit writes, dated when it happened. The
 * detail may come as JSON already (the hot paths build it from strings they have anyway).
 */
export function writeAudit(ctx: ClinicContext, at: number, actor: Actor, action: string, patientId: string | null, detail: Record<string, unknown> | string): void {
  ctx.writer.addAudit({
    occurredAt: iso(at),
    actorId: actor.id,
    actorRole: actor.role,
    clinicId: ctx.clinicId,
    action,
    patientId,
    outcome: "success",
    ip: actor.ip,
    detail: typeof detail === "string" ? detail : JSON.stringify(detail),
  });
}

export const currentPlan = (p: PatientState): DecidedPlan | null => p.plans[p.plans.length - 1] ?? null;
