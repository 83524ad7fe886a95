import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { getTableName } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { MIGRATIONS_FOLDER } from "./migrate";
import { auditEvents, clinics, homeSessions, patients, planVersions, users } from "./schema";

/** Checks shared by db/backup.ts and db/restore.ts on a database file as a whole. */

/** A refusal worth telling the operator in a sentence (the command-line tools print it and exit 1). */
export class DatabaseFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseFileError";
  }
}

const MIGRATIONS_TABLE = "__drizzle_migrations";
const CORE_TABLES = [clinics, users, patients, planVersions, homeSessions, auditEvents].map((table) => getTableName(table));

/** Runs `PRAGMA integrity_check` and refuses the file unless it answers "ok". */
export function assertIntact(sqlite: Database.Database, label: string): void {
  let problems: string[];
  try {
    problems = sqlite.prepare("pragma integrity_check").pluck().all() as string[];
  } catch (error) {
    if ((error as { code?: unknown }).code === "SQLITE_NOTADB") throw new DatabaseFileError(`${label} is not a SQLite database.`);
    throw new DatabaseFileError(`${label} fails integrity_check (${(error as Error).message}).`);
  }
  if (problems.length !== 1 || problems[0] !== "ok") {
    throw new DatabaseFileError(`${label} fails integrity_check: ${problems.slice(0, 3).join("; ")}`);
  }
}

/**
 * Refuses a file that is not a Dermaplan database (no migration record or no core tables) or that a
 * newer Dermaplan made: a migration this version does not have, which its code would not understand.
 * Returns how many migrations the file has applied, so the caller can report what the restore adds.
 */
export function assertDermaplanDatabase(sqlite: Database.Database, label: string): { applied: number; known: number } {
  const tables = new Set(sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]);
  const missing = [MIGRATIONS_TABLE, ...CORE_TABLES].filter((name) => !tables.has(name));
  if (missing.length) throw new DatabaseFileError(`${label} is not a Dermaplan database (no ${missing.join(", ")} table).`);
  const applied = sqlite.prepare(`select created_at from ${MIGRATIONS_TABLE}`).pluck().all().map(Number);
  const known = new Set(readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.folderMillis));
  if (!applied.length) throw new DatabaseFileError(`${label} is not a Dermaplan database (no migration was ever applied).`);
  const unknown = applied.filter((when) => !known.has(when));
  if (unknown.length) {
    throw new DatabaseFileError(
      `${label} was made by a newer version of Dermaplan (${unknown.length} migration(s) this version does not know). Upgrade the app before restoring it.`,
    );
  }
  return { applied: applied.length, known: known.size };
}

/** Rows per table, for the operator to compare a backup with what they expect. */
export function rowCounts(sqlite: Database.Database): Record<string, number> {
  const names = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(names.map((name) => [name, sqlite.prepare(`select count(*) from "${name.replaceAll('"', '""')}"`).pluck().get() as number]));
}

/** One line per table, for the command-line tools. */
export function formatRowCounts(rows: Record<string, number>): string {
  const width = Math.max(...Object.keys(rows).map((name) => name.length));
  return Object.entries(rows)
    .map(([name, n]) => `  ${name.padEnd(width)}  ${n.toLocaleString("en")}`)
    .join("\n");
}

/** Flushes a file, then the directory entry that names it, so a crash cannot lose a rename or link. */
export function fsyncFileAndDirectory(file: string): void {
  for (const target of [file, path.dirname(file)]) {
    const fd = fs.openSync(target, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}
