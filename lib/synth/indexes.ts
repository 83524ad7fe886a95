import type Database from "better-sqlite3";

/** The tables the synthesizer fills in bulk. */
const BULK_TABLES = ["patients", "screenings", "plan_versions", "home_sessions", "reactions", "alerts", "audit_events", "review_queue"];

/**
 * Bulk loading's usual trick: the secondary (non-unique) indexes of the tables being filled are
 * dropped while generating and rebuilt afterwards from their own CREATE statements, so SQLite sorts
 * each once instead of inserting millions of random keys one by one (several times faster here).
 * Unique indexes and primary keys stay, so every constraint is still checked on insert; triggers stay.
 */
export function deferSecondaryIndexes(sqlite: Database.Database): { rebuild: () => void } {
  const placeholders = BULK_TABLES.map(() => "?").join(", ");
  const indexes = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${placeholders}) order by name`)
    .all(...BULK_TABLES) as { name: string; sql: string }[];
  const deferred = indexes.filter((i) => !/^create\s+unique\s/i.test(i.sql));
  for (const index of deferred) sqlite.exec(`drop index "${index.name}"`);
  let rebuilt = false;
  return {
    rebuild: () => {
      if (rebuilt) return;
      rebuilt = true;
      for (const index of deferred) sqlite.exec(index.sql);
    },
  };
}
