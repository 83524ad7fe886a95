import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { openDatabase, SCRIPT_BUSY_TIMEOUT_MS } from "./connection";
import { assertDermaplanDatabase, assertIntact, DatabaseFileError, fsyncFileAndDirectory, rowCounts } from "./database-file";
import { runMigrations } from "./migrate";

export type RestoreSummary = {
  target: string;
  /** Where the database that was replaced now lives, or null when there was none. */
  keptAside: string | null;
  migrationsAdded: number;
  rows: Record<string, number>;
};

/**
 * Replaces the database at `target` with the backup at `backupFile`, for an instance that is stopped.
 * Refuses while any process has the target open, and refuses a backup that is not an intact Dermaplan
 * database of this version or older. The replaced database is kept beside it; the backup itself is
 * never modified; an older backup is brought up to date by the migrations.
 */
export function restoreDatabase(backupFile: string, target: string, now = new Date()): RestoreSummary {
  if (!fs.existsSync(backupFile)) throw new DatabaseFileError(`There is no file at ${backupFile}.`);
  if (path.resolve(backupFile) === path.resolve(target)) throw new DatabaseFileError("The backup is the database itself.");
  if (fs.existsSync(`${backupFile}-wal`) && fs.statSync(`${backupFile}-wal`).size > 0) {
    throw new DatabaseFileError(`${backupFile} has changes still in ${backupFile}-wal: make backups with npm run db:backup.`);
  }
  const lock = fs.existsSync(target) ? lockStoppedDatabase(target) : null;
  const incoming = `${target}.restore-${process.pid}`;
  let keptAside: string | null = null;
  let applied: number;
  try {
    copyPrivately(backupFile, incoming);
    applied = checkBackup(incoming, backupFile);
    if (lock) {
      keptAside = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
      // A second name for the old file, so the target's own name is never missing (a server started
      // now would create an empty database there).
      fs.linkSync(target, keptAside);
    }
    // A -wal left beside the new file would be replayed into it: it belongs to the old database.
    for (const stale of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) fs.rmSync(stale, { force: true });
    fs.renameSync(incoming, target);
    fsyncFileAndDirectory(target);
  } finally {
    lock?.close();
    for (const leftover of [incoming, `${incoming}-wal`, `${incoming}-shm`, `${incoming}-journal`]) fs.rmSync(leftover, { force: true });
  }
  const db = openDatabase(target, { busyTimeoutMs: SCRIPT_BUSY_TIMEOUT_MS });
  try {
    runMigrations(db);
    const migrationsAdded = (db.$client.prepare("select count(*) from __drizzle_migrations").pluck().get() as number) - applied;
    return { target, keptAside, migrationsAdded, rows: rowCounts(db.$client) };
  } finally {
    db.$client.close();
  }
}

/**
 * Proves that no process has the database open, and keeps it that way until the connection is closed.
 * Every connection to a WAL database holds a shared lock on the file from its first read until it
 * closes (the server's one connection, for its whole life), and leaving WAL needs the only one:
 * so this fails with SQLITE_BUSY while the server runs, whether or not it is writing at the moment.
 * Leaving WAL also folds a crashed server's -wal into the file, so the copy kept aside is whole.
 * (A port or health probe would miss a server on another port or a script holding the file.)
 */
function lockStoppedDatabase(target: string): Database.Database {
  const sqlite = new Database(target, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 0");
    sqlite.pragma("locking_mode = EXCLUSIVE");
    sqlite.pragma("journal_mode = DELETE");
    // In EXCLUSIVE locking mode a write lock, once taken, is held until the connection closes.
    sqlite.exec("BEGIN EXCLUSIVE; COMMIT");
    return sqlite;
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) {
      throw new DatabaseFileError(`${target} is open in another process. Stop the Dermaplan server (and any db: command) before restoring.`);
    }
    throw new DatabaseFileError(
      `The current database ${target} cannot be opened (${(error as Error).message}). If it is damaged, move it and its -wal and -shm files aside yourself, then restore.`,
    );
  }
}

/** Copies byte for byte into a new file created readable by this user only (health data). */
function copyPrivately(from: string, to: string): void {
  const input = fs.openSync(from, "r");
  const output = fs.openSync(to, "wx", 0o600);
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let n = fs.readSync(input, buffer); n > 0; n = fs.readSync(input, buffer)) fs.writeSync(output, buffer, 0, n);
    fs.fsyncSync(output);
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
}

/** Checks the copy (the backup file itself is never opened for writing); returns its migration count. */
function checkBackup(copy: string, label: string): number {
  const sqlite = new Database(copy, { fileMustExist: true });
  try {
    assertIntact(sqlite, label);
    const { applied } = assertDermaplanDatabase(sqlite, label);
    sqlite.pragma("journal_mode = DELETE");
    return applied;
  } finally {
    sqlite.close();
  }
}
