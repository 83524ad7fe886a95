import "server-only";
import { eq, sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { cache } from "react";
import { commitWithoutWaitingForDisk, getDb, preparedOnce, type Db, type Tx } from "@/db";
import { auditEvents, type AuditOutcome } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { auditRecordHash, storableText, type AuditRecord } from "@/lib/domain/audit-chain";

export type AuditEntry = {
  action: string;
  outcome: AuditOutcome;
  actor?: Pick<Actor, "id" | "role" | "clinicId" | "ip"> | null;
  clinicId?: string | null;
  patientId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
};

/**
 * Writes one audit row on the given connection or transaction, so it commits with the change, as
 * the next link of its clinic's hash chain. Reading the chain's head and appending happen in one
 * transaction (the caller's, or an IMMEDIATE one of its own that takes the write lock first), so two
 * writers can never both extend the same head.
 */
export function recordAudit(db: Db | Tx, entry: AuditEntry): void {
  const record = auditRecordOf(entry);
  if ("$client" in db && !db.$client.inTransaction) {
    // better-sqlite3's own transaction: drizzle's wrapper builds objects this one-row write never uses,
    // and staff reads each write one.
    db.$client.transaction(() => appendToChain(db, record)).immediate();
  } else {
    appendToChain(db, record);
  }
}

type NewAuditRecord = Omit<AuditRecord, "id" | "outcome"> & { outcome: AuditOutcome };

function auditRecordOf(entry: AuditEntry): NewAuditRecord {
  return {
    occurredAt: new Date().toISOString(),
    actorId: storableText(entry.actor?.id ?? null),
    actorRole: storableText(entry.actor?.role ?? null),
    clinicId: storableText(entry.clinicId ?? entry.actor?.clinicId ?? null),
    action: storableText(entry.action),
    patientId: storableText(entry.patientId ?? null),
    outcome: entry.outcome,
    ip: storableText(entry.ip ?? entry.actor?.ip ?? null),
    detail: entry.detail ? storableText(JSON.stringify(entry.detail)) : null,
  };
}

/** SQLite's own AUTOINCREMENT counters: not ours to create, so not in db/schema.ts. */
const sqliteSequence = sqliteTable("sqlite_sequence", { name: text("name").notNull(), seq: integer("seq").notNull() });

/**
 * Where the clinic's chain stands, and the highest id the table ever gave: the new row's id is chosen
 * here, as AUTOINCREMENT would, because the hash covers it. No counter row means an empty trail.
 * Built once per connection, as this runs on every patient read.
 */
const chainTip = preparedOnce((db) =>
  db
    .select({
      lastId: sqliteSequence.seq,
      prevHash: sql<string | null>`(select ${auditEvents.hash} from ${auditEvents} where ${auditEvents.clinicId} is ${sql.placeholder("clinicId")} order by ${auditEvents.id} desc limit 1)`,
    })
    .from(sqliteSequence)
    .where(eq(sqliteSequence.name, "audit_events"))
    .prepare(),
);

// preparedOnce hands over whatever it is given (a connection or a transaction), both of which insert.
const insertRow = preparedOnce((db) =>
  (db as Db)
    .insert(auditEvents)
    .values({
      id: sql.placeholder("id"),
      occurredAt: sql.placeholder("occurredAt"),
      actorId: sql.placeholder("actorId"),
      actorRole: sql.placeholder("actorRole"),
      clinicId: sql.placeholder("clinicId"),
      action: sql.placeholder("action"),
      patientId: sql.placeholder("patientId"),
      outcome: sql.placeholder("outcome"),
      ip: sql.placeholder("ip"),
      detail: sql.placeholder("detail"),
      prevHash: sql.placeholder("prevHash"),
      hash: sql.placeholder("hash"),
    })
    .prepare(),
);

function appendToChain(tx: Db | Tx, fields: NewAuditRecord): void {
  const tip = chainTip(tx).get({ clinicId: fields.clinicId });
  const record = { ...fields, id: (tip?.lastId ?? 0) + 1 };
  const prevHash = tip?.prevHash ?? null;
  insertRow(tx).run({ ...record, prevHash, hash: auditRecordHash(prevHash, record) });
}

/**
 * One "patient.read" row per staff member, patient and request: a page that shows the plan, history
 * and alerts of one patient reads several tables but is one look at the record. React's `cache`
 * gives each server render its own set; outside a render (route handlers) every read is recorded.
 */
const readsThisRequest = cache(() => new Set<string>());

export function recordPatientRead(actor: Actor, patientId: string, view: string): void {
  if (actor.role === "patient") return;
  const seen = readsThisRequest();
  const key = `${actor.id}:${patientId}`;
  if (seen.has(key)) return;
  seen.add(key);
  recordReadAudit({ action: "patient.read", outcome: "success", actor, patientId, detail: { view } });
}

/**
 * The audit row of a read (a record or a list of patients), committed without waiting for the disk
 * when it stands alone (db/connection.ts commitWithoutWaitingForDisk says what that risks); inside a
 * caller's transaction it commits, durably, with the caller's change.
 */
export function recordReadAudit(entry: AuditEntry): void {
  const db = getDb();
  if (db.$client.inTransaction) recordAudit(db, entry);
  else commitWithoutWaitingForDisk(db, () => recordAudit(db, entry));
}
