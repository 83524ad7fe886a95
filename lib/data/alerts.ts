import "server-only";
import { and, asc, count, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, preparedByKey, preparedOnce, writeTransaction, type Reader, type Tx } from "@/db";
import { alerts, patients, users } from "@/db/schema";
import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { planDecisionSchema } from "@/lib/validation/plans";
import type { AlertListQuery } from "@/lib/validation/reports";
import { offsetOf, pageOf, type Page } from "./page";
import { recordAudit, recordPatientRead } from "./audit";
import { recordListRead } from "./audit-reads";
import { recordRefusal, refuseNotFound } from "./audit-refusals";
import { awaitingCall, notesOf, type AlertNoteDto } from "./internal/alert-notes";
import { endReviewHoldsOfAlerts } from "./internal/holds";
import { loadCurrentPlan, planRefusal, recordPlanDecision } from "./internal/plans";

export type AlertStatus = "open" | "acknowledged" | "resolved";

export type AlertDto = {
  id: string;
  patientId: string;
  patientName: string;
  kind: string;
  severity: "high" | "normal";
  status: AlertStatus;
  createdAt: string;
  summary: string;
  sessionId: string | null;
  relatedSessionId: string | null;
  reactionId: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
  suspendedPlanVersion: number | null;
  /** The patient has no portal access and must be called: the alert cannot close until the call is recorded. */
  contactRequired: boolean;
  callRecorded: boolean;
  patientPhone: string | null;
  /** The newest notes and recorded calls, oldest first (lib/data/internal/alert-notes.ts). */
  notes: AlertNoteDto[];
};

export type { AlertNoteDto };

const acknowledger = alias(users, "acknowledger");
const resolver = alias(users, "resolver");

function selectAlerts(db: Reader = getDb()) {
  return db
    .select({
      id: alerts.id,
      patientId: alerts.patientId,
      patientName: patients.name,
      kind: alerts.kind,
      severity: alerts.severity,
      status: alerts.status,
      createdAt: alerts.createdAt,
      summary: alerts.summary,
      sessionId: alerts.sessionId,
      relatedSessionId: alerts.relatedSessionId,
      reactionId: alerts.reactionId,
      acknowledgedBy: acknowledger.name,
      acknowledgedAt: alerts.acknowledgedAt,
      resolvedBy: resolver.name,
      resolvedAt: alerts.resolvedAt,
      resolutionNote: alerts.resolutionNote,
      suspendedPlanVersion: alerts.suspendedPlanVersion,
      contactRequired: alerts.contactRequired,
      awaitingCall: sql<number>`${awaitingCall}`,
      patientPhone: patients.phone,
    })
    .from(alerts)
    .innerJoin(patients, eq(patients.id, alerts.patientId))
    .leftJoin(acknowledger, eq(acknowledger.id, alerts.acknowledgedBy))
    .leftJoin(resolver, eq(resolver.id, alerts.resolvedBy));
}

/** An alert list statement's shape: which optional filters apply (their values are bound). */
type AlertRow = Awaited<ReturnType<ReturnType<typeof selectAlerts>["all"]>>[number];

/** Rows to DTOs, each with its newest notes (one statement for the whole page). */
function withNotes(db: Reader, rows: AlertRow[]): AlertDto[] {
  const notes = notesOf(db, rows.map((r) => r.id));
  return rows.map(({ awaitingCall: waiting, ...row }) => ({ ...row, callRecorded: row.contactRequired && !waiting, notes: notes.get(row.id) ?? [] }));
}

type AlertListShape = `${"patient" | "all"}:${"kind" | "all"}`;

const shapeOf = (query: AlertListQuery): AlertListShape => `${query.patientId ? "patient" : "all"}:${query.kind ? "kind" : "all"}`;

function alertListWhere(shape: AlertListShape) {
  const [patient, kind] = shape.split(":");
  return and(
    eq(alerts.clinicId, sql.placeholder("clinicId")),
    eq(alerts.status, sql.placeholder("status")),
    patient === "patient" ? eq(alerts.patientId, sql.placeholder("patientId")) : undefined,
    kind === "kind" ? eq(alerts.kind, sql.placeholder("kind")) : undefined,
  );
}

// The alert inbox runs on every staff visit: each shape is built and prepared once per connection.
const alertCountQuery = preparedByKey((db, shape: AlertListShape) => db.select({ n: count() }).from(alerts).where(alertListWhere(shape)).prepare());
const alertPageQuery = preparedByKey((db, shape: AlertListShape) =>
  selectAlerts(db)
    .where(alertListWhere(shape))
    .orderBy(asc(alerts.severity), desc(alerts.createdAt), desc(alerts.id))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare(),
);

/**
 * The clinic's alerts in one state, paged: high before normal ('high' sorts before 'normal'), then
 * newest first. The order is alerts_clinic_status_severity_idx's own, so a page is an index walk.
 */
export function listAlerts(actor: Actor, query: AlertListQuery): Page<AlertDto> {
  requireRole(actor, STAFF_ROLES);
  if (query.patientId) requirePatientAccess(actor, query.patientId);
  const shape = shapeOf(query);
  const values = { clinicId: actor.clinicId, status: query.status, patientId: query.patientId ?? null, kind: query.kind ?? null };
  const total = alertCountQuery(shape).get(values)?.n ?? 0;
  const items = withNotes(getDb(), alertPageQuery(shape).all({ ...values, limit: query.pageSize, offset: offsetOf(query) }));
  // One patient's alerts are a look at that record (one row per render, with the chart around it).
  if (query.patientId) recordPatientRead(actor, query.patientId, "alerts");
  else recordListRead(actor, "alert.list", query, { rows: items.length, total });
  return pageOf(items, total, query);
}

// The nav badge polls this every 30 s: prepared once per connection.
const openAlertCountsQuery = preparedOnce((db) =>
  db
    .select({ severity: alerts.severity, n: count() })
    .from(alerts)
    .where(and(eq(alerts.clinicId, sql.placeholder("clinicId")), eq(alerts.status, "open")))
    .groupBy(alerts.severity)
    .prepare(),
);

// High alerts acknowledged by someone who is not a clinician (admins could, before #20): still waiting for one.
const highAwaitingClinicianQuery = preparedOnce((db) =>
  db
    .select({ n: count() })
    .from(alerts)
    .innerJoin(acknowledger, eq(acknowledger.id, alerts.acknowledgedBy))
    .where(and(eq(alerts.clinicId, sql.placeholder("clinicId")), eq(alerts.status, "acknowledged"), eq(alerts.severity, "high"), ne(acknowledger.role, "clinician")))
    .prepare(),
);

/**
 * Alerts of the clinic still waiting for someone, for the navigation badge: counts over
 * alerts_inbox_order_idx. `high` counts high alerts no clinician has acknowledged or resolved, whatever
 * an admin did; they count as open too. Not audited: numbers name no patient, and the badge polls every
 * 30 s per open tab.
 */
export function countOpenAlerts(actor: Actor): { open: number; high: number } {
  requireRole(actor, STAFF_ROLES);
  const rows = openAlertCountsQuery().all({ clinicId: actor.clinicId });
  const waiting = highAwaitingClinicianQuery().get({ clinicId: actor.clinicId })?.n ?? 0;
  return { open: rows.reduce((sum, r) => sum + r.n, 0) + waiting, high: (rows.find((r) => r.severity === "high")?.n ?? 0) + waiting };
}

function loadOwnAlert(tx: Tx, actor: Actor, alertId: string) {
  const row = tx
    .select({ id: alerts.id, status: alerts.status, severity: alerts.severity, patientId: alerts.patientId, clinicId: alerts.clinicId, awaitingCall: sql<number>`${awaitingCall}` })
    .from(alerts)
    .where(and(eq(alerts.id, alertId), eq(alerts.clinicId, actor.clinicId)))
    .get();
  if (!row) throw refuseNotFound(actor, "alert", alertId);
  return row;
}

function reload(alertId: string): AlertDto {
  return withNotes(getDb(), [selectAlerts().where(eq(alerts.id, alertId)).get()!])[0]!;
}

export const CALL_FIRST = "Record the call to the patient first: they have no portal access and must be told to stop.";
export const HIGH_NEEDS_CLINICIAN = "Only a clinician can acknowledge a high-severity alert. Add a note to it instead.";

/**
 * Acknowledging a high alert is a clinical judgement (an admin annotates it instead), and an alert whose
 * patient must be called stays open until the call is recorded.
 */
export function acknowledgeAlert(actor: Actor, alertId: string): AlertDto {
  requireRole(actor, STAFF_ROLES);
  auditForbidden(actor, "alert.acknowledge", alertId, () => writeTransaction((tx) => {
    const alert = loadOwnAlert(tx, actor, alertId);
    if (alert.severity === "high" && actor.role !== "clinician") throw new ForbiddenError(HIGH_NEEDS_CLINICIAN);
    if (alert.status !== "open") throw new ConflictError(`This alert is already ${alert.status}.`);
    if (alert.awaitingCall) throw new ConflictError(CALL_FIRST);
    tx.update(alerts).set({ status: "acknowledged", acknowledgedBy: actor.id, acknowledgedAt: new Date().toISOString() }).where(eq(alerts.id, alertId)).run();
    const reviewed = endReviewHoldsOfAlerts(tx, [alertId], actor);
    recordAudit(tx, { action: "alert.acknowledge", outcome: "success", actor, patientId: alert.patientId, detail: { alertId, ...(reviewed ? { endedReviewHolds: reviewed } : {}) } });
  }));
  return reload(alertId);
}

/**
 * Resolves an alert with a note; with `suspendPlan`, also records a suspension as a new plan version
 * through the same rules as any decision, in the same transaction.
 */
export function resolveAlert(actor: Actor, alertId: string, input: { note: string; suspendPlan: boolean }): AlertDto {
  requireRole(actor, input.suspendPlan ? ["clinician"] : STAFF_ROLES);
  const refused = auditForbidden(actor, "alert.resolve", alertId, () => writeTransaction((tx) => {
    const alert = loadOwnAlert(tx, actor, alertId);
    // Closing a high alert is a clinical judgement; admins annotate it instead.
    if (alert.severity === "high" && actor.role !== "clinician") throw new ForbiddenError("Only a clinician can resolve a high-severity alert. Add a note to it instead.");
    if (alert.status === "resolved") throw new ConflictError("This alert is already resolved.");
    if (alert.awaitingCall) throw new ConflictError(CALL_FIRST);
    const now = new Date().toISOString();
    let suspendedPlanVersion: number | null = null;
    if (input.suspendPlan) {
      const current = loadCurrentPlan(alert.patientId, tx);
      if (!current || current.decision !== "approved") throw new ConflictError("There is no approved plan to suspend.");
      const decision = planDecisionSchema.parse({ baseVersion: current.version, decision: "suspended", reason: input.note });
      const outcome = recordPlanDecision(tx, actor, { id: alert.patientId, clinicId: alert.clinicId }, decision);
      if (outcome.violations) return { patientId: alert.patientId, violations: outcome.violations };
      suspendedPlanVersion = outcome.saved.version;
    }
    tx.update(alerts)
      .set({
        status: "resolved",
        resolvedBy: actor.id,
        resolvedAt: now,
        resolutionNote: input.note,
        suspendedPlanVersion,
        ...(alert.status === "open" ? { acknowledgedBy: actor.id, acknowledgedAt: now } : {}),
      })
      .where(eq(alerts.id, alertId))
      .run();
    const reviewed = endReviewHoldsOfAlerts(tx, [alertId], actor);
    recordAudit(tx, {
      action: "alert.resolve",
      outcome: "success",
      actor,
      patientId: alert.patientId,
      detail: { alertId, note: input.note, suspendedPlanVersion, ...(reviewed ? { endedReviewHolds: reviewed } : {}) },
    });
    return null;
  }));
  if (refused) throw planRefusal(actor, refused.patientId, "suspended", refused.violations);
  return reload(alertId);
}

/** A refused acknowledgement or resolution is audited outside the transaction it rolled back. */
function auditForbidden<T>(actor: Actor, action: "alert.acknowledge" | "alert.resolve", alertId: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof ForbiddenError) recordRefusal({ action, outcome: "denied", actor, detail: { alertId, reason: error.message } });
    throw error;
  }
}
