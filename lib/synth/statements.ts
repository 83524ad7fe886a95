import type Database from "better-sqlite3";
import { AuditChainLinker, type AuditRecord } from "@/lib/domain/audit-chain";

/**
 * The synthesizer writes through raw prepared statements, reused for every row: drizzle's query
 * builder costs more per row than SQLite itself at this volume. Only base tables are written;
 * derived columns and tables (0008's patient plan pointer, the review queue) are the triggers' job.
 */
const SQL = {
  user: `insert into users (id, clinic_id, email, name, role, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  patient: `insert into patients (id, clinic_id, responsible_clinician_id, user_id, mrn, name, date_of_birth, skin_type, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  screening: `insert into screenings (id, patient_id, version, answers, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?)`,
  planVersion: `insert into plan_versions (id, patient_id, version, decision, areas, max_needle_mm, min_interval_days, review_by, instructions, reason,
    contraindication_override, interval_override_reason, screening_version, overridden_items, confirm_long_needle, acknowledged_review_items, decided_by, decided_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  session: `insert into home_sessions (id, patient_id, performed_at, area, needle_mm, device, sanitized, patch_test_done, notes, flags, plan_version,
    reported_by, on_behalf, created_at, reviewed_by, reviewed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  reaction: `insert into reactions (id, patient_id, session_id, area, reported_at, symptoms, max_grade, notes, reported_by, on_behalf, created_at,
    reviewed_by, reviewed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  alert: `insert into alerts (id, clinic_id, patient_id, kind, severity, status, summary, session_id, related_session_id, reaction_id, created_at,
    acknowledged_by, acknowledged_at, resolved_by, resolved_at, resolution_note, suspended_plan_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  audit: `insert into audit_events (id, occurred_at, actor_id, actor_role, clinic_id, action, patient_id, outcome, ip, detail, prev_hash, hash)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;

export type TableName = keyof typeof SQL;
type Value = string | number | null;

/**
 * Inserts each row as it is generated (inside the caller's transaction) and counts it. Callers
 * write parents before children, so every foreign key finds its row. Measured alternatives that
 * lost on this machine: holding a batch to write it sorted by key (the held rows cost the garbage
 * collector more than SQLite saved), multi-row INSERTs and json_each (binding each value costs the
 * same either way, and that is most of the per-row cost).
 */
export class RowWriter {
  readonly counts: Record<TableName, number> = { user: 0, patient: 0, screening: 0, planVersion: 0, session: 0, reaction: 0, alert: 0, audit: 0 };
  private readonly statements: Record<TableName, Database.Statement>;

  private nextAuditId: number;
  private readonly auditChain: AuditChainLinker;

  constructor(sqlite: Database.Database) {
    this.statements = Object.fromEntries(Object.entries(SQL).map(([name, sql]) => [name, sqlite.prepare(sql)])) as Record<TableName, Database.Statement>;
    // Audit rows extend each clinic's hash chain as recordAudit does. Where the chains stand is read
    // once: nothing else writes the trail while the synthesizer runs (a write that did would take an
    // id given here and fail loudly on the primary key, never fork a chain).
    const sequence = sqlite.prepare("select seq from sqlite_sequence where name = 'audit_events'").get() as { seq: number } | undefined;
    this.nextAuditId = (sequence?.seq ?? 0) + 1;
    const head = sqlite.prepare("select hash from audit_events where clinic_id is ? order by id desc limit 1");
    this.auditChain = new AuditChainLinker((clinicId) => (head.get(clinicId) as { hash: string | null } | undefined)?.hash ?? null);
  }

  add(table: Exclude<TableName, "audit">, row: Value[]): void {
    this.statements[table].run(row);
    this.counts[table] += 1;
  }

  addAudit(fields: Omit<AuditRecord, "id">): void {
    const r = { ...fields, id: this.nextAuditId };
    const { prevHash, hash } = this.auditChain.link(r);
    this.statements.audit.run([r.id, r.occurredAt, r.actorId, r.actorRole, r.clinicId, r.action, r.patientId, r.outcome, r.ip, r.detail, prevHash, hash]);
    this.nextAuditId += 1;
    this.counts.audit += 1;
  }

  get rows(): number {
    let sum = 0;
    for (const n of Object.values(this.counts)) sum += n;
    return sum;
  }
}

/** SQLite stores booleans as 0/1, as drizzle's boolean mode does. */
export const bit = (value: boolean | null) => (value === null ? null : value ? 1 : 0);
