import { toCsv } from "@/lib/csv";
import type { AuditItem } from "./audit-log";

const HEADER = ["occurred_at_utc", "actor_name", "actor_email", "actor_role", "action", "patient_name", "patient_mrn", "outcome", "ip", "detail", "scope"];

export function auditCsv(items: AuditItem[]): string {
  return toCsv(
    HEADER,
    items.map((i) => [i.occurredAt, i.actor?.name, i.actor?.email, i.actor?.role, i.action, i.patient?.name, i.patient?.mrn, i.outcome, i.ip, i.detail, i.installationWide ? "installation" : "clinic"]),
  );
}
