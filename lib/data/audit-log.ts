import "server-only";
import { and, count, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { alias, unionAll } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db";
import { auditEvents, patients, users } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/types";
import { INSTALLATION_WIDE_ACTION, type AuditScope } from "@/lib/domain/audit-actions";
import { clinicDayRange } from "@/lib/domain/dates";
import type { AuditQuery } from "@/lib/validation/audit";
import { recordAudit } from "./audit";
import { recordListRead } from "./audit-reads";
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
  /** A failed sign-in that named no account: no clinic's own, shown to every clinic's admin. */
  installationWide: boolean;
};

export const AUDIT_EXPORT_MAX_ROWS = 50_000;
/** The trail grows forever: its total is counted up to here, then reported as "at least". */
export const AUDIT_COUNT_CAP = 10_000;

export type AuditPage = Page<AuditItem> & { totalCapped: boolean; nextCursor: string | null };

const actorUser = alias(users, "actor_user");

/** The admin's filters, plus whose events to show (lib/domain/audit-actions.ts: AUDIT_SCOPES). */
export type AuditFilter = AuditQuery & { scope?: AuditScope };

/**
 * The trail an admin may read, as one or two index ranges: the clinic's own events, and the failed
 * sign-ins that matched no account (no clinic: every clinic's admin sees them). Two ranges, not an OR:
 * SQLite merges two ranges of audit_clinic_idx in order, where an OR sorts the clinic's whole trail.
 * `from` and `to` are clinic days, both included, however long the day is in the clinic's zone.
 */
function ranges(actor: Actor, query: AuditFilter): SQL[] {
  const { since, until } = clinicDayRange(query, clinicTimeZone());
  const common = [
    query.action ? eq(auditEvents.action, query.action) : undefined,
    since ? gte(auditEvents.occurredAt, since) : undefined,
    until ? lt(auditEvents.occurredAt, until) : undefined,
    query.before ? olderThan(query.before) : undefined,
  ];
  const scope = query.scope ?? "all";
  const clinic = and(
    eq(auditEvents.clinicId, actor.clinicId),
    query.patientId ? eq(auditEvents.patientId, query.patientId) : undefined,
    query.actorId ? eq(auditEvents.actorId, query.actorId) : undefined,
    ...common,
  )!;
  // Those rows have no patient and no account, so a patient or person filter leaves them out.
  const installationFits = !query.patientId && !query.actorId && (!query.action || query.action === INSTALLATION_WIDE_ACTION);
  const installation = and(isNull(auditEvents.clinicId), eq(auditEvents.action, INSTALLATION_WIDE_ACTION), ...common)!;
  return [...(scope === "installation" ? [] : [clinic]), ...(scope !== "clinic" && installationFits ? [installation] : [])];
}

/** The ids of the matching events, newest first, walked on audit_clinic_idx alone. */
function walk(where: SQL[]) {
  const arm = (condition: SQL) => getDb().select({ id: auditEvents.id, occurredAt: auditEvents.occurredAt }).from(auditEvents).where(condition);
  const [first, second] = where.map(arm);
  return (second ? unionAll(first!, second) : first!).orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id));
}

/** A row-value comparison, so the (…, occurred_at) indexes serve the keyset walk. */
function olderThan(cursor: string): SQL {
  const [occurredAt, id] = cursor.split("~") as [string, string];
  return sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${occurredAt}, ${Number(id)})`;
}

const cursorOf = (item: AuditItem) => `${item.occurredAt}~${item.id}`;

function select(ids: number[]) {
  return getDb()
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      ip: auditEvents.ip,
      detail: auditEvents.detail,
      clinicId: auditEvents.clinicId,
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
    .where(inArray(auditEvents.id, ids))
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
    installationWide: row.clinicId === null,
  };
}

function load(where: SQL[], limit: number, offset = 0): AuditItem[] {
  if (where.length === 0) return [];
  const ids = walk(where).limit(limit).offset(offset).all().map((r) => r.id);
  // Chunked: SQLite caps bound parameters, and an export reads up to AUDIT_EXPORT_MAX_ROWS ids.
  const items: AuditItem[] = [];
  for (let i = 0; i < ids.length; i += 5_000) items.push(...select(ids.slice(i, i + 5_000)).all().map(toItem));
  return items;
}

function countUpTo(where: SQL[], cap: number): number {
  if (where.length === 0) return 0;
  const db = getDb();
  return db.select({ n: count() }).from(walk(where).limit(cap).as("matching")).get()?.n ?? 0;
}

/** What an audit row of a read of the trail says was asked, page and cursor included. */
function filterOf(query: AuditFilter) {
  const { patientId, actorId, action, from, to, before, scope } = query;
  return { patientId, actorId, action, from, to, before, scope: scope ?? "all" };
}

/**
 * The clinic's audit trail with the installation's no-such-account sign-ins, newest first: admins
 * only, and itself an audited read. Paged by `page` or, to walk the whole trail, by the `before`
 * cursor each page hands on; the total is exact up to AUDIT_COUNT_CAP.
 */
export function listAuditEvents(actor: Actor, query: AuditFilter): AuditPage {
  requireRole(actor, ["admin"], "listAuditEvents");
  const where = ranges(actor, query);
  const counted = countUpTo(where, AUDIT_COUNT_CAP + 1);
  const items = load(where, query.pageSize, offsetOf(query));
  const last = items.length === query.pageSize ? items.at(-1) : undefined;
  const total = Math.min(counted, AUDIT_COUNT_CAP);
  recordListRead(actor, "audit.read", { ...filterOf(query), page: query.page, pageSize: query.pageSize }, { rows: items.length, total });
  return { ...pageOf(items, total, query), totalCapped: counted > AUDIT_COUNT_CAP, nextCursor: last ? cursorOf(last) : null };
}

/** Every matching event (up to the export cap) for the CSV download, itself an audited read. */
export function exportAuditEvents(actor: Actor, query: AuditFilter): AuditItem[] {
  requireRole(actor, ["admin"], "exportAuditEvents");
  const items = load(ranges(actor, query), AUDIT_EXPORT_MAX_ROWS);
  recordAudit(getDb(), { action: "audit.export", outcome: "success", actor, detail: { filter: filterOf(query), rows: items.length } });
  return items;
}
