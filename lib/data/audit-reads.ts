import "server-only";
import type { Actor } from "@/lib/auth/types";
import { recordReadAudit } from "./audit";

/** The staff lists that show patients by name (or, for the audit views, who did what to them). */
export type ListReadAction = "patient.list" | "alert.list" | "alert.group_list" | "review.list" | "overview.read" | "audit.read";

/**
 * One row per staff read of a list, naming the list (the action) and exactly what was asked (filters,
 * search text, page), so an admin can tell who could have seen whose name. Pages and route handlers
 * call the same data function, which calls this: one way in, one row. Counts without names (the
 * navigation badges) are not reads of patient data and write nothing; the portal writes nothing either,
 * since a patient reading their own record is not a disclosure (as recordPatientRead).
 */
export function recordListRead(actor: Actor, action: ListReadAction, query: Record<string, unknown>, result: { rows: number; total?: number }): void {
  if (actor.role === "patient") return;
  recordReadAudit({ action, outcome: "success", actor, detail: { query: withoutBlanks(query), ...result } });
}

// Unset filters are left out, so a row reads as what the user asked for, not the schema's every field.
function withoutBlanks(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== ""));
}
