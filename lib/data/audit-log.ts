import "server-only";
import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db";
import { auditEvents, patients, users } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/types";
import { clinicDayRange } from "@/lib/domain/dates";
import type { AuditQuery } from "@/lib/validation/audit";
import { recordAudit } from "./audit";
import { clinicTimeZone } from "./clock";
import { offsetOf, pageOf, type Page } from "./page";

export type AuditItem = {
  id: number;
  occurredAt: string;
  action: string;
  outcome: string;
  ip: string | null;
  actor: { id: string; name: string; email: string; role: string } | null;
  patient: { id: string; name: string; mrn: string } | null;
  detail: unknown;
};

export const AUDIT_EXPORT_MAX_ROWS = 50_000;
/** The trail grows forever: its total is counted up to here, then reported as "at least". */
export const AUDIT_COUNT_CAP = 10_000;

export type AuditPage = Page<AuditItem> & { totalCapped: boolean; nextCursor: string | null };

const actorUser = alias(users, "actor_user");

/** `from` and `to` are clinic days, both included, however long the day is in the clinic's zone. */
function conditions(actor: Actor, query: AuditQuery): SQL | undefined {
  const { since, until } = clinicDayRange(query, clinicTimeZone());
  return and(
    eq(auditEvents.clinicId, actor.clinicId),
    query.patientId ? eq(auditEvents.patientId, query.patientId) : undefined,
    query.actorId ? eq(auditEvents.actorId, query.actorId) : undefined,
    query.action ? eq(auditEvents.action, query.action) : undefined,
    since ? gte(auditEvents.occurredAt, since) : undefined,
    until ? lt(auditEvents.occurredAt, until) : undefined,
    query.before ? olderThan(query.before) : undefined,
  );
}

/** A row-value comparison, so the (…, occurred_at) indexes serve the keyset walk. */
function olderThan(cursor: string): SQL {
  const [occurredAt, id] = cursor.split("~") as [string, string];
  return sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${occurredAt}, ${Number(id)})`;
}

const cursorOf = (item: AuditItem) => `${item.occurredAt}~${item.id}`;

function select(where: SQL | undefined) {
  return getDb()
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      ip: auditEvents.ip,
      detail: auditEvents.detail,
      actorId: actorUser.id,
      actorName: actorUser.name,
      actorEmail: actorUser.email,
      actorRole: actorUser.role,
      patientId: patients.id,
      patientName: patients.name,
      patientMrn: patients.mrn,
    })
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorId))
    .leftJoin(patients, eq(patients.id, auditEvents.patientId))
    .where(where)
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id));
}

type Row = Awaited<ReturnType<ReturnType<typeof select>["all"]>>[number];

function toItem(row: Row): AuditItem {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    action: row.action,
    outcome: row.outcome,
    ip: row.ip,
    actor: row.actorId ? { id: row.actorId, name: row.actorName!, email: row.actorEmail!, role: row.actorRole! } : null,
    patient: row.patientId ? { id: row.patientId, name: row.patientName!, mrn: row.patientMrn! } : null,
    detail: row.detail ? JSON.parse(row.detail) : null,
  };
}

/**
 * The clinic's audit trail, newest first: admins only. Paged by `page` or, to walk the whole trail,
 * by the `before` cursor each page hands on; the total is exact up to AUDIT_COUNT_CAP.
 */
export function listAuditEvents(actor: Actor, query: AuditQuery): AuditPage {
  requireRole(actor, ["admin"]);
  const where = conditions(actor, query);
  const db = getDb();
  const matching = db.select({ one: sql`1` }).from(auditEvents).where(where).limit(AUDIT_COUNT_CAP + 1).as("matching");
  const counted = db.select({ n: count() }).from(matching).get()?.n ?? 0;
  const items = select(where).limit(query.pageSize).offset(offsetOf(query)).all().map(toItem);
  const last = items.length === query.pageSize ? items.at(-1) : undefined;
  return { ...pageOf(items, Math.min(counted, AUDIT_COUNT_CAP), query), totalCapped: counted > AUDIT_COUNT_CAP, nextCursor: last ? cursorOf(last) : null };
}

/** Every matching event (up to the export cap) for the CSV download, itself an audited read. */
export function exportAuditEvents(actor: Actor, query: AuditQuery): AuditItem[] {
  requireRole(actor, ["admin"]);
  const items = select(conditions(actor, query)).limit(AUDIT_EXPORT_MAX_ROWS).all().map(toItem);
  const filter = { patientId: query.patientId, actorId: query.actorId, action: query.action, from: query.from, to: query.to };
  recordAudit(getDb(), { action: "audit.export", outcome: "success", actor, detail: { filter, rows: items.length } });
  return items;
}
