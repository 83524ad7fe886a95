import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { describeSettingsChange, type ClinicSettings } from "@/lib/domain/clinic-settings";

export type SettingsChangeDto = {
  id: number;
  occurredAt: string;
  outcome: string;
  actor: { name: string; role: string } | null;
  /** What the save changed, in words (success), or why it was refused (denied). */
  summary: string[];
};

export type SettingsChangesPage = { items: SettingsChangeDto[]; page: number; pageSize: number; hasMore: boolean };

type Detail = { before?: ClinicSettings; after?: ClinicSettings; changed?: string[]; rules?: string[]; reason?: string };

function summaryOf(outcome: string, detail: Detail): string[] {
  if (outcome !== "success") {
    const why = detail.rules?.length ? `refused: ${detail.rules.join(", ")}` : `refused: ${detail.reason ?? "not permitted"}`;
    return [why];
  }
  if (detail.before && detail.after) return describeSettingsChange(detail.before, detail.after);
  return detail.changed?.length ? detail.changed : ["saved unchanged"];
}

/**
 * Past saves of the clinic's settings, newest first, read from the audit trail (the settings table
 * keeps only the current row). Walks audit_chain_idx (clinic_id, id) backwards filtering on the action:
 * paged by "more or not" rather than a total, which would count the clinic's whole trail.
 */
export function listSettingsChanges(actor: Actor, page: number, pageSize = 10): SettingsChangesPage {
  requireRole(actor, STAFF_ROLES);
  const rows = getDb()
    .select({ id: auditEvents.id, occurredAt: auditEvents.occurredAt, outcome: auditEvents.outcome, detail: auditEvents.detail, name: users.name, role: users.role })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.clinicId, actor.clinicId), eq(auditEvents.action, "clinic_settings.update")))
    .orderBy(desc(auditEvents.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize)
    .all();
  const items = rows.slice(0, pageSize).map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt,
    outcome: row.outcome,
    actor: row.name ? { name: row.name, role: row.role ?? "" } : null,
    summary: summaryOf(row.outcome, row.detail ? (JSON.parse(row.detail) as Detail) : {}),
  }));
  return { items, page, pageSize, hasMore: rows.length > pageSize };
}
