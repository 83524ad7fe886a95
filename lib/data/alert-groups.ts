import "server-only";
import { and, asc, count, desc, eq, inArray, lte, max, min, sql } from "drizzle-orm";
import { getDb, inJsonList, preparedOnce, writeTransaction, type Reader } from "@/db";
import { alerts, patients } from "@/db/schema";
import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import type { AlertGroupAction } from "@/lib/validation/reports";
import { recordAudit } from "./audit";
import { recordListRead } from "./audit-reads";
import { offsetOf, pageOf, type Page, type Paging } from "./page";

/** Every open alert of one patient and one kind, as the inbox shows them under a flood. */
export type AlertGroup = {
  patientId: string;
  patientName: string;
  kind: string;
  severity: "high" | "normal";
  count: number;
  highCount: number;
  firstAt: string;
  lastAt: string;
  /** The newest alert's own words; enough on its own when the group holds one alert. */
  latestSummary: string;
  latestId: string;
};

const highCount = sql<number>`sum(${alerts.severity} = 'high')`;

/** The clinic's open alerts, one row per patient and kind: one pass over alerts_clinic_status_group_idx (covering). */
function openGroups(db: Reader) {
  return db
    .select({
      patientId: alerts.patientId,
      kind: alerts.kind,
      count: count().as("count"),
      highCount: highCount.as("high_count"),
      firstAt: min(alerts.createdAt).as("first_at"),
      lastAt: max(alerts.createdAt).as("last_at"),
    })
    .from(alerts)
    .where(and(eq(alerts.clinicId, sql.placeholder("clinicId")), eq(alerts.status, "open")))
    .groupBy(alerts.patientId, alerts.kind)
    .as("groups");
}

// The grouped inbox runs on every staff visit: its statements are built and prepared once per connection.
const groupCountQuery = preparedOnce((db) => db.select({ n: count() }).from(openGroups(db)).prepare());

const groupPageQuery = preparedOnce((db) => {
  const groups = openGroups(db);
  return db
    .select({
      patientId: groups.patientId,
      patientName: patients.name,
      kind: groups.kind,
      count: groups.count,
      highCount: groups.highCount,
      firstAt: groups.firstAt,
      lastAt: groups.lastAt,
      // The newest open alert of the group, through alerts_patient_kind_idx.
      latestId: sql<string>`(select ${alerts.id} from ${alerts} where ${alerts.patientId} = ${groups.patientId} and ${alerts.kind} = ${groups.kind}
        and ${alerts.status} = 'open' order by ${alerts.createdAt} desc limit 1)`,
    })
    .from(groups)
    .innerJoin(patients, eq(patients.id, groups.patientId))
    .orderBy(desc(sql`${groups.highCount} > 0`), desc(groups.lastAt), asc(groups.patientId), asc(groups.kind))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare();
});

// A page's ids bound as one JSON list, so one statement serves every page size.
const summariesQuery = preparedOnce((db) => db.select({ id: alerts.id, summary: alerts.summary }).from(alerts).where(inJsonList(alerts.id, "ids")).prepare());

/**
 * Open alerts grouped by patient and kind, groups with a high alert first, then the most recently
 * active. One pass over alerts_clinic_status_group_idx (covering): the flood's size costs an index
 * walk, never a table read; names and the newest summary are read for the page's groups only.
 */
export function listAlertGroups(actor: Actor, paging: Paging): Page<AlertGroup> {
  requireRole(actor, STAFF_ROLES);
  const db = getDb();
  const total = groupCountQuery(db).get({ clinicId: actor.clinicId })?.n ?? 0;
  const rows = groupPageQuery(db).all({ clinicId: actor.clinicId, limit: paging.pageSize, offset: offsetOf(paging) });
  const summaries = rows.length
    ? new Map(summariesQuery(db).all({ ids: JSON.stringify(rows.map((r) => r.latestId)) }).map((r) => [r.id, r.summary]))
    : new Map<string, string>();
  recordListRead(actor, "alert.group_list", paging, { rows: rows.length, total });
  return pageOf(
    rows.map((g) => ({
      ...g,
      severity: (g.highCount ?? 0) > 0 ? "high" : "normal",
      highCount: g.highCount ?? 0,
      firstAt: g.firstAt!,
      lastAt: g.lastAt!,
      latestSummary: summaries.get(g.latestId) ?? "",
    })),
    total,
    paging,
  );
}

/**
 * Acknowledges or resolves, in one transaction and one audit event, every alert of the group that
 * was raised up to `upTo` and is still open (acknowledge) or not yet resolved (resolve). Alerts raised
 * after `upTo` stay untouched: nobody closes what they have not seen.
 */
export function actOnAlertGroup(actor: Actor, input: AlertGroupAction): { updated: number } {
  requireRole(actor, STAFF_ROLES);
  const scope = requirePatientAccess(actor, input.patientId);
  const statuses = input.action === "acknowledge" ? (["open"] as const) : (["open", "acknowledged"] as const);
  const inGroup = and(
    eq(alerts.clinicId, scope.clinicId),
    eq(alerts.patientId, scope.id),
    eq(alerts.kind, input.kind),
    inArray(alerts.status, [...statuses]),
    lte(alerts.createdAt, new Date(input.upTo).toISOString()),
  );
  try {
    return writeTransaction((tx) => {
      const found = tx.select({ n: count(), high: sql<number>`coalesce(${highCount}, 0)` }).from(alerts).where(inGroup).get()!;
      if (found.n === 0) throw new ConflictError(`No ${input.action === "acknowledge" ? "open" : "unresolved"} alerts of this kind for this patient: someone may have acted on them already.`);
      // Closing a high alert is a clinical judgement; admins may acknowledge it, not resolve it.
      if (input.action === "resolve" && found.high > 0 && actor.role !== "clinician") throw new ForbiddenError("Only a clinician can resolve high-severity alerts.");
      const now = new Date().toISOString();
      if (input.action === "acknowledge") {
        tx.update(alerts).set({ status: "acknowledged", acknowledgedBy: actor.id, acknowledgedAt: now }).where(inGroup).run();
      } else {
        // Alerts closed straight from open count as acknowledged by the same person at the same time.
        tx.update(alerts).set({ acknowledgedBy: actor.id, acknowledgedAt: now }).where(and(inGroup, eq(alerts.status, "open"))).run();
        tx.update(alerts).set({ status: "resolved", resolvedBy: actor.id, resolvedAt: now, resolutionNote: input.note! }).where(inGroup).run();
      }
      recordAudit(tx, {
        action: `alert.group_${input.action}`,
        outcome: "success",
        actor,
        patientId: scope.id,
        detail: { kind: input.kind, upTo: input.upTo, count: found.n, note: input.note ?? null },
      });
      return { updated: found.n };
    });
  } catch (error) {
    // A refusal is audited outside the transaction it rolled back.
    if (error instanceof ForbiddenError) recordAudit(getDb(), { action: `alert.group_${input.action}`, outcome: "denied", actor, patientId: scope.id, detail: { kind: input.kind, reason: error.message } });
    throw error;
  }
}
