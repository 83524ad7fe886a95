import "server-only";
import { and, asc, count, countDistinct, desc, eq, inArray, lte, max, min, sql } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { alerts, patients } from "@/db/schema";
import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import type { AlertGroupAction } from "@/lib/validation/reports";
import { recordAudit } from "./audit";
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
const lastAt = max(alerts.createdAt);

/**
 * Open alerts grouped by patient and kind, groups with a high alert first, then the most recently
 * active. One pass over alerts_clinic_status_group_idx (covering): the flood's size costs an index
 * walk, never a table read, and only the page's groups are joined to names and summaries.
 */
export function listAlertGroups(actor: Actor, paging: Paging): Page<AlertGroup> {
  requireRole(actor, STAFF_ROLES);
  const db = getDb();
  const open = and(eq(alerts.clinicId, actor.clinicId), eq(alerts.status, "open"));
  const total =
    db
      .select({ n: countDistinct(sql`${alerts.patientId} || ':' || ${alerts.kind}`) })
      .from(alerts)
      .where(open)
      .get()?.n ?? 0;
  const groups = db
    .select({ patientId: alerts.patientId, kind: alerts.kind, count: count(), highCount, firstAt: min(alerts.createdAt), lastAt })
    .from(alerts)
    .where(open)
    .groupBy(alerts.patientId, alerts.kind)
    .orderBy(desc(sql`${highCount} > 0`), desc(lastAt), asc(alerts.patientId), asc(alerts.kind))
    .limit(paging.pageSize)
    .offset(offsetOf(paging))
    .all();
  return pageOf(groups.map((g) => withLatest(actor, g)), total, paging);
}

function withLatest(actor: Actor, group: { patientId: string; kind: string; count: number; highCount: number | null; firstAt: string | null; lastAt: string | null }): AlertGroup {
  const latest = getDb()
    .select({ id: alerts.id, summary: alerts.summary, patientName: patients.name })
    .from(alerts)
    .innerJoin(patients, eq(patients.id, alerts.patientId))
    .where(and(eq(alerts.patientId, group.patientId), eq(alerts.kind, group.kind), eq(alerts.status, "open"), eq(alerts.clinicId, actor.clinicId)))
    .orderBy(desc(alerts.createdAt), desc(alerts.id))
    .limit(1)
    .get()!;
  const high = group.highCount ?? 0;
  return {
    patientId: group.patientId,
    patientName: latest.patientName,
    kind: group.kind,
    severity: high > 0 ? "high" : "normal",
    count: group.count,
    highCount: high,
    firstAt: group.firstAt!,
    lastAt: group.lastAt!,
    latestSummary: latest.summary,
    latestId: latest.id,
  };
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
