import "server-only";
import { and, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, writeTransaction, type Reader, type Tx } from "@/db";
import { clinicSettingsProposals, users } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { screeningItemLabel, type ScreeningItemCode } from "@/lib/domain/clinical";
import { findLoosening, keepBlocking, sameSettings, type ClinicSettings } from "@/lib/domain/clinic-settings";
import { confirmRefusal, proposalExpiresAt, proposalState, withdrawRefusal, PROPOSAL_TTL_HOURS, type ProposalRefusal, type ProposalState } from "@/lib/domain/settings-proposals";
import { ConflictError, ForbiddenError, NotFoundError, type AppError } from "@/lib/errors";
import { uuidSchema } from "@/lib/validation/common";
import type { SettingsProposalsQuery } from "@/lib/validation/clinic-settings";
import { recordAudit } from "./audit";
import { recordRefusal } from "./audit-refusals";
import { loadClinicSettings, writeClinicSettings } from "./internal/clinic-settings";
import { offsetOf, pageOf, type Page } from "./page";

export type SettingsProposalDto = {
  id: string;
  /** The screening items it turns from block to review, with their labels. */
  loosened: { item: string; label: string }[];
  reason: string;
  proposedBy: { id: string; name: string };
  proposedAt: string;
  expiresAt: string;
  confirmedBy: { id: string; name: string } | null;
  confirmedAt: string | null;
  withdrawnAt: string | null;
  state: ProposalState;
  /** The whole settings as they will be once confirmed. */
  settings: ClinicSettings;
};

const proposer = alias(users, "proposer");
const confirmer = alias(users, "confirmer");
const p = clinicSettingsProposals;
// The insertion order breaks ties of proposed_at; it ends every index entry, so the clinic index serves the order.
const rowid = sql`${p}.rowid`;

function selectProposals(db: Reader) {
  return db
    .select({
      id: p.id,
      settings: p.settings,
      loosened: p.loosened,
      reason: p.reason,
      proposedBy: p.proposedBy,
      proposedByName: proposer.name,
      proposedAt: p.proposedAt,
      expiresAt: p.expiresAt,
      confirmedById: p.confirmedBy,
      confirmedByName: confirmer.name,
      confirmedAt: p.confirmedAt,
      withdrawnAt: p.withdrawnAt,
    })
    .from(p)
    .innerJoin(proposer, eq(proposer.id, p.proposedBy))
    .leftJoin(confirmer, eq(confirmer.id, p.confirmedBy));
}

type ProposalRow = Awaited<ReturnType<ReturnType<typeof selectProposals>["all"]>>[number];

/** Whether the clinic's settings moved since the proposal: confirming it then would undo that change. */
const isStale = (row: ProposalRow, current: ClinicSettings) => !sameSettings(current, keepBlocking(row.settings as ClinicSettings, row.loosened));

function toDto(row: ProposalRow, now: Date, current: ClinicSettings): SettingsProposalDto {
  return {
    id: row.id,
    loosened: row.loosened.map((item) => ({ item, label: screeningItemLabel(item as ScreeningItemCode) })),
    reason: row.reason,
    proposedBy: { id: row.proposedBy, name: row.proposedByName },
    proposedAt: row.proposedAt,
    expiresAt: row.expiresAt,
    confirmedBy: row.confirmedById ? { id: row.confirmedById, name: row.confirmedByName ?? "" } : null,
    confirmedAt: row.confirmedAt,
    withdrawnAt: row.withdrawnAt,
    state: proposalState(row, now, isStale(row, current)),
    settings: row.settings as ClinicSettings,
  };
}

/** Records a loosening proposal (the caller has authorized a clinician and checked the reason). */
export function insertProposal(tx: Tx, actor: Actor, input: { settings: ClinicSettings; loosened: string[]; reason: string }, now: Date): string {
  const row = tx
    .insert(p)
    .values({ clinicId: actor.clinicId, settings: input.settings, loosened: input.loosened, reason: input.reason, proposedBy: actor.id, proposedAt: now.toISOString(), expiresAt: proposalExpiresAt(now) })
    .returning({ id: p.id })
    .get();
  return row.id;
}

export function getSettingsProposal(actor: Actor, proposalId: string, now = new Date()): SettingsProposalDto {
  requireRole(actor, STAFF_ROLES);
  const row = uuidSchema.safeParse(proposalId).success ? selectProposals(getDb()).where(and(eq(p.id, proposalId), eq(p.clinicId, actor.clinicId))).get() : undefined;
  if (!row) throw new NotFoundError("Proposal not found.");
  return toDto(row, now, loadClinicSettings(actor.clinicId));
}

/** The clinic's proposals, newest first, with their state at `now` (served by clinic_settings_proposals_clinic_idx). */
export function listSettingsProposals(actor: Actor, query: SettingsProposalsQuery, now = new Date()): Page<SettingsProposalDto> {
  requireRole(actor, STAFF_ROLES);
  const db = getDb();
  const current = loadClinicSettings(actor.clinicId);
  const rows = selectProposals(db).where(eq(p.clinicId, actor.clinicId)).orderBy(desc(p.proposedAt), desc(rowid)).limit(query.pageSize).offset(offsetOf(query)).all();
  const total = db.select({ n: count() }).from(p).where(eq(p.clinicId, actor.clinicId)).get()?.n ?? 0;
  return pageOf(rows.map((row) => toDto(row, now, current)), total, query);
}

/** Proposals still open at `now`: only those of the last PROPOSAL_TTL_HOURS can be, so the index range is short. */
export function listPendingSettingsProposals(actor: Actor, now = new Date()): SettingsProposalDto[] {
  requireRole(actor, STAFF_ROLES);
  const since = new Date(now.getTime() - PROPOSAL_TTL_HOURS * 3_600_000).toISOString();
  const current = loadClinicSettings(actor.clinicId);
  return selectProposals(getDb())
    .where(and(eq(p.clinicId, actor.clinicId), gt(p.proposedAt, since), gt(p.expiresAt, now.toISOString()), isNull(p.confirmedAt), isNull(p.withdrawnAt)))
    .orderBy(desc(p.proposedAt))
    .limit(20)
    .all()
    .map((row) => toDto(row, now, current));
}

type Step = "clinic_settings.confirm" | "clinic_settings.withdraw";

/** A refused step, audited (outliving the rolled-back transaction) and thrown with its HTTP meaning. */
function refuse(actor: Actor, action: Step, proposalId: string, refusal: ProposalRefusal | { status: 404; reason: string; message: string }): AppError {
  recordRefusal({ action, outcome: "denied", actor, detail: { proposalId: proposalId.slice(0, 100), reason: refusal.reason } });
  if (refusal.status === 404) return new NotFoundError(refusal.message);
  return refusal.status === 403 ? new ForbiddenError(refusal.message) : new ConflictError(refusal.message, { state: refusal.reason });
}

function loadOwn(tx: Tx, actor: Actor, action: Step, proposalId: string): ProposalRow {
  const row = uuidSchema.safeParse(proposalId).success ? selectProposals(tx).where(and(eq(p.id, proposalId), eq(p.clinicId, actor.clinicId))).get() : undefined;
  // Another clinic's proposal reads as an unknown one.
  if (!row) throw refuse(actor, action, proposalId, { status: 404, reason: "not_found", message: "Proposal not found." });
  return row;
}

/**
 * The second step: a clinician other than the proposer, or an admin, puts the proposal's settings in
 * force, provided it is still pending and the clinic's settings are still those it was proposed on.
 */
export function confirmSettingsProposal(actor: Actor, proposalId: string, now = new Date()): { proposal: SettingsProposalDto; settings: ClinicSettings } {
  requireRole(actor, STAFF_ROLES, "confirm a clinic settings proposal");
  return writeTransaction((tx) => {
    const row = loadOwn(tx, actor, "clinic_settings.confirm", proposalId);
    const before = loadClinicSettings(actor.clinicId, tx);
    const refusal = confirmRefusal(actor, row, now, isStale(row, before));
    if (refusal) throw refuse(actor, "clinic_settings.confirm", proposalId, refusal);
    const next = row.settings as ClinicSettings;
    // Stored by the first step after the same check; a proposal must never carry an absolute loosening in.
    if (findLoosening(next).length > 0) throw refuse(actor, "clinic_settings.confirm", proposalId, { status: 409, reason: "refused_setting", message: "This proposal would loosen a setting that never loosens." });
    writeClinicSettings(tx, actor.clinicId, next, actor.id, now);
    tx.update(p).set({ confirmedBy: actor.id, confirmedAt: now.toISOString() }).where(eq(p.id, row.id)).run();
    const after = loadClinicSettings(actor.clinicId, tx);
    recordAudit(tx, { action: "clinic_settings.confirm", outcome: "success", actor, detail: { proposalId: row.id, proposedBy: row.proposedBy, loosened: row.loosened, reason: row.reason, before, after } });
    const confirmed = selectProposals(tx).where(eq(p.id, row.id)).get()!;
    return { proposal: toDto(confirmed, now, after), settings: after };
  });
}

/** The proposer, or an admin, takes back a proposal nobody has confirmed yet. */
export function withdrawSettingsProposal(actor: Actor, proposalId: string, now = new Date()): SettingsProposalDto {
  requireRole(actor, STAFF_ROLES, "withdraw a clinic settings proposal");
  return writeTransaction((tx) => {
    const row = loadOwn(tx, actor, "clinic_settings.withdraw", proposalId);
    const refusal = withdrawRefusal(actor, row, now);
    if (refusal) throw refuse(actor, "clinic_settings.withdraw", proposalId, refusal);
    tx.update(p).set({ withdrawnAt: now.toISOString() }).where(and(eq(p.id, row.id), isNull(p.withdrawnAt), isNull(p.confirmedAt))).run();
    recordAudit(tx, { action: "clinic_settings.withdraw", outcome: "success", actor, detail: { proposalId: row.id, proposedBy: row.proposedBy, loosened: row.loosened } });
    return toDto(selectProposals(tx).where(eq(p.id, row.id)).get()!, now, loadClinicSettings(actor.clinicId, tx));
  });
}
