import "server-only";
import { and, asc, count, desc, eq, inArray, lte, max, min, not, sql } from "drizzle-orm";
import { getDb, inJsonList, preparedOnce, writeTransaction, type Reader } from "@/db";
import { alerts, patients } from "@/db/schema";
import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import type { AlertGroupAction } from "@/lib/validation/reports";
import { recordAudit } from "./audit";
import { recordListRead } from "./audit-reads";
import { recordRefusal } from "./audit-refusals";
import { awaitingCall, notesOf, type AlertNoteDto } from "./internal/alert-notes";
import { endReviewHoldsOfAlerts } from "./internal/holds";
import { offsetOf, pageOf, type Page, type Paging } from "./page";

/** Every open alert of one patient and one kind, as the inbox shows them under a flood. */
export type AlertGroup = {
  patientId: string;
  patientName: string;
  patientPhone: string | null;
  kind: string;
  severity: "high" | "normal";
  count: number;
  highCount: number;
  firstAt: string;
  lastAt: string;
  /** The newest alert's own words; enough on its own when the group holds one alert. */
  latestSummary: string;
  latestId: string;
  /** The item the row leads with: the newest high alert when there is one, else the newest. */
  lead: GroupLead;
};

export type GroupLead = {
  id: string;
  severity: "high" | "normal";
  summary: string;
  createdAt: string;
  contactRequired: boolean;
  callRecorded: boolean;
  notes: AlertNoteDto[];
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
      // The newest open high alert of a group holding one, along the same index.
      highId: sql<string | null>`case when ${groups.highCount} > 0 then (select ${alerts.id} from ${alerts} where ${alerts.patientId} = ${groups.patientId}
        and ${alerts.kind} = ${groups.kind} and ${alerts.status} = 'open' and ${alerts.severity} = 'high' order by ${alerts.createdAt} desc limit 1) end`,
      patientPhone: patients.phone,
    })
    .from(groups)
    .innerJoin(patients, eq(patients.id, groups.patientId))
    .orderBy(desc(sql`${groups.highCount} > 0`), desc(groups.lastAt), asc(groups.patientId), asc(groups.kind))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare();
});

// A page's ids bound as one JSON list, so one statement serves every page size.
const itemsQuery = preparedOnce((db) =>
  db
    .select({
      id: alerts.id,
      severity: alerts.severity,
      summary: alerts.summary,
      createdAt: alerts.createdAt,
      contactRequired: alerts.contactRequired,
      awaitingCall: sql<number>`${awaitingCall}`,
    })
    .from(alerts)
    .where(inJsonList(alerts.id, "ids"))
    .prepare(),
);

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
  const leadIds = rows.map((r) => r.highId ?? r.latestId);
  const items = rows.length
    ? new Map(itemsQuery(db).all({ ids: JSON.stringify([...new Set([...rows.map((r) => r.latestId), ...leadIds])]) }).map((r) => [r.id, r]))
    : new Map<string, never>();
  const notes = notesOf(db, leadIds);
  recordListRead(actor, "alert.group_list", paging, { rows: rows.length, total });
  return pageOf(
    rows.map(({ highId, ...g }) => {
      const { awaitingCall: waiting, ...lead } = items.get(highId ?? g.latestId)!;
      return {
        ...g,
        severity: (g.highCount ?? 0) > 0 ? "high" : "normal",
        highCount: g.highCount ?? 0,
        firstAt: g.firstAt!,
        lastAt: g.lastAt!,
        latestSummary: items.get(g.latestId)?.summary ?? "",
        lead: { ...lead, callRecorded: lead.contactRequired && !waiting, notes: notes.get(lead.id) ?? [] },
      };
    }),
    total,
    paging,
  );
}

export type GroupActionResult = {
  updated: number;
  /** High alerts an admin's acknowledgement left open: only a clinician acknowledges or resolves them. */
  leftForClinician: number;
  /** Alerts left open until someone records the call to a patient who has no portal access. */
  awaitingCall: number;
};

/**
 * Acknowledges or resolves, in one transaction and one audit event, every alert of the group that
 * was raised up to `upTo` and is still open (acknowledge) or not yet resolved (resolve). Alerts raised
 * after `upTo` stay untouched: nobody closes what they have not seen. An admin's acknowledgement covers
 * the normal alerts only (high ones wait for a clinician), and no alert closes while its patient still
 * has to be called: the answer counts what was left and why.
 */
export function actOnAlertGroup(actor: Actor, input: AlertGroupAction): GroupActionResult {
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
  const clinician = actor.role === "clinician";
  try {
    return writeTransaction((tx) => {
      const found = tx
        .select({ n: count(), high: sql<number>`coalesce(${highCount}, 0)`, awaitingCall: sql<number>`coalesce(sum(${awaitingCall}), 0)` })
        .from(alerts)
        .where(inGroup)
        .get()!;
      if (found.n === 0) throw new ConflictError(`No ${input.action === "acknowledge" ? "open" : "unresolved"} alerts of this kind for this patient: someone may have acted on them already.`);
      // Closing a high alert is a clinical judgement: admins annotate it instead.
      if (input.action === "resolve" && found.high > 0 && !clinician) throw new ForbiddenError("Only a clinician can resolve high-severity alerts. Add a note to them instead.");
      // The alerts acted on, by id: an UPDATE with the whole filter is planned along the clinic's date index.
      const ids = tx.select({ id: alerts.id }).from(alerts).where(and(inGroup, clinician ? undefined : eq(alerts.severity, "normal"), not(awaitingCall))).all();
      const acted = sql`${alerts.id} in (select value from json_each(${JSON.stringify(ids.map((a) => a.id))}))`;
      const updated = ids.length;
      if (updated === 0 && !clinician && found.high > 0) throw new ForbiddenError("Only a clinician can acknowledge high-severity alerts. Add a note to them instead.");
      if (updated === 0) throw new ConflictError("Record the call to the patient first: they have no portal access and must be told to stop.");
      const now = new Date().toISOString();
      if (input.action === "acknowledge") {
        tx.update(alerts).set({ status: "acknowledged", acknowledgedBy: actor.id, acknowledgedAt: now }).where(acted).run();
      } else {
        // Alerts closed straight from open count as acknowledged by the same person at the same time.
        tx.update(alerts).set({ acknowledgedBy: actor.id, acknowledgedAt: now }).where(and(acted, eq(alerts.status, "open"))).run();
        tx.update(alerts).set({ status: "resolved", resolvedBy: actor.id, resolvedAt: now, resolutionNote: input.note! }).where(acted).run();
      }
      endReviewHoldsOfAlerts(tx, ids.map((a) => a.id), actor);
      const result = { updated, leftForClinician: clinician ? 0 : found.high, awaitingCall: found.awaitingCall };
      recordAudit(tx, {
        action: `alert.group_${input.action}`,
        outcome: "success",
        actor,
        patientId: scope.id,
        detail: { kind: input.kind, upTo: input.upTo, count: updated, leftForClinician: result.leftForClinician, awaitingCall: result.awaitingCall, note: input.note ?? null },
      });
      return result;
    });
  } catch (error) {
    // A refusal is audited outside the transaction it rolled back.
    if (error instanceof ForbiddenError) recordRefusal({ action: `alert.group_${input.action}`, outcome: "denied", actor, patientId: scope.id, detail: { kind: input.kind, reason: error.message } });
    throw error;
  }
}
