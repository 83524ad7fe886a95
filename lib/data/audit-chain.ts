import "server-only";
import type { Db } from "@/db";
import { AuditChainVerifier, refineBrokenLink, type ChainBreak, type ChainedAuditRecord, type ChainHead } from "@/lib/domain/audit-chain";

export type AuditChainReport = { intact: true; rows: number; chains: ChainHead[] } | { intact: false; rows: number; broken: ChainBreak };

const ROWS_IN_ID_ORDER = `select id, occurred_at as occurredAt, actor_id as actorId, actor_role as actorRole, clinic_id as clinicId, action,
  patient_id as patientId, outcome, ip, detail, prev_hash as prevHash, hash from audit_events order by id`;

/**
 * Walks the whole trail in id order, one row at a time (constant memory, however many millions of
 * rows), and stops at the first row that breaks its clinic's chain. Runs in one read transaction,
 * so a server writing meanwhile is neither seen half-way nor mistaken for tampering. An operator's
 * check of the whole file (scripts/audit-verify.ts), not a per-clinic view: nothing in the app calls it.
 */
export function verifyAuditChain(db: Db): AuditChainReport {
  const sqlite = db.$client;
  return sqlite.transaction((): AuditChainReport => {
    const verifier = new AuditChainVerifier();
    let broken: ChainBreak | null = null;
    for (const row of sqlite.prepare(ROWS_IN_ID_ORDER).iterate() as IterableIterator<ChainedAuditRecord>) {
      broken = verifier.check(row);
      // Leaving the loop closes the statement, so the connection is free for the look-up below.
      if (broken) break;
    }
    if (broken?.linkedHash) broken = refineBrokenLink(broken, rowIdWithHash(db, broken.linkedHash));
    broken ??= verifier.finish(highestIdEverGiven(db));
    return broken ? { intact: false, rows: verifier.rows, broken } : { intact: true, rows: verifier.rows, chains: verifier.chains() };
  })();
}

/** A full scan, run at most once, to tell a reordered row from one whose predecessor was deleted. */
function rowIdWithHash(db: Db, hash: string): number | null {
  const row = db.$client.prepare("select id from audit_events where hash = ? limit 1").get(hash) as { id: number } | undefined;
  return row?.id ?? null;
}

function highestIdEverGiven(db: Db): number {
  const row = db.$client.prepare("select seq from sqlite_sequence where name = 'audit_events'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

/** Clinic names for the report, by id: the chains are per clinic. */
export function clinicNames(db: Db): Map<string, string> {
  const rows = db.$client.prepare("select id, name from clinics").all() as { id: string; name: string }[];
  return new Map(rows.map((c) => [c.id, c.name]));
}
