import path from "node:path";
import type Database from "better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { AuditChainLinker, type ChainedAuditRecord } from "../lib/domain/audit-chain";
import type { Db } from "./connection";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/** Applies every committed migration not yet recorded in the database; safe to run on each start. */
export function runMigrations(db: Db, migrationsFolder = MIGRATIONS_FOLDER): void {
  migrate(db, { migrationsFolder });
  chainLegacyAuditRows(db.$client);
}

/** As migration 0001 created it; put back exactly so after the backfill. */
const AUDIT_NO_UPDATE_TRIGGER = `CREATE TRIGGER \`audit_events_no_update\` BEFORE UPDATE ON \`audit_events\`
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END`;

const BATCH = 5_000;

/**
 * Rows written before migration 0015 have no hash. SQLite has no SHA-256 and the trail refuses
 * UPDATE, so they join the chain here, once: with the no-update trigger lifted inside one
 * transaction, each clinic's rows are linked in id order, and the trigger is put back before commit.
 *
 * Only a trail with no hash at all is backfilled. Once the chain exists, a row without a hash was
 * written around it; hashing it on the next start would launder it, so it is left for
 * `npm run audit:verify` to report.
 */
export function chainLegacyAuditRows(sqlite: Database.Database): void {
  const newest = sqlite.prepare("select hash from audit_events order by id desc limit 1").get() as { hash: string | null } | undefined;
  if (!newest || newest.hash !== null) return;
  if (sqlite.prepare("select 1 from audit_events where hash is not null limit 1").get()) return;
  sqlite
    .transaction(() => {
      sqlite.exec("drop trigger if exists audit_events_no_update");
      const linker = new AuditChainLinker(() => null);
      const page = sqlite.prepare(
        `select id, occurred_at as occurredAt, actor_id as actorId, actor_role as actorRole, clinic_id as clinicId, action,
           patient_id as patientId, outcome, ip, detail from audit_events where id > ? order by id limit ${BATCH}`,
      );
      const update = sqlite.prepare("update audit_events set prev_hash = ?, hash = ? where id = ?");
      let after = 0;
      for (;;) {
        const rows = page.all(after) as ChainedAuditRecord[];
        if (rows.length === 0) break;
        for (const row of rows) {
          const { prevHash, hash } = linker.link(row);
          update.run(prevHash, hash, row.id);
          after = row.id;
        }
      }
      sqlite.exec(AUDIT_NO_UPDATE_TRIGGER);
    })
    .immediate();
}
