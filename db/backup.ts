import fs from "node:fs";
import Database from "better-sqlite3";
import { SCRIPT_BUSY_TIMEOUT_MS } from "./connection";
import { assertDermaplanDatabase, assertIntact, DatabaseFileError, fsyncFileAndDirectory, rowCounts } from "./database-file";

export type BackupSummary = { file: string; bytes: number; rows: Record<string, number> };

/** better-sqlite3 caps a step at 2^31-1 pages: in effect, everything left. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the live database at `source` into a new file at `destination` while the app keeps serving.
 * The copy is written under a temporary name (0600, health data), made a single self-contained file
 * (rollback journal, not WAL), checked with integrity_check, and only then linked into place, which
 * fails rather than overwrite a file that appeared meanwhile.
 */
export async function backupDatabase(source: string, destination: string): Promise<BackupSummary> {
  if (!fs.existsSync(source)) throw new DatabaseFileError(`There is no database at ${source}.`);
  if (fs.existsSync(destination)) throw new DatabaseFileError(`${destination} already exists; a backup never overwrites a file.`);
  const partial = `${destination}.partial-${process.pid}`;
  fs.closeSync(fs.openSync(partial, "wx", 0o600));
  try {
    const live = new Database(source, { fileMustExist: true });
    try {
      live.pragma(`busy_timeout = ${SCRIPT_BUSY_TIMEOUT_MS}`);
      // One step under one read transaction: a consistent snapshot, and under WAL the server's writers
      // go on meanwhile. Small steps would start over each time the server commits between them.
      await live.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      live.close();
    }
    const rows = checkCopy(partial);
    fsyncFileAndDirectory(partial);
    try {
      fs.linkSync(partial, destination);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new DatabaseFileError(`${destination} appeared during the backup; it was left as it is.`);
      throw error;
    }
    fsyncFileAndDirectory(destination);
    return { file: destination, bytes: fs.statSync(destination).size, rows };
  } finally {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(leftover, { force: true });
  }
}

function checkCopy(file: string): Record<string, number> {
  const copy = new Database(file, { fileMustExist: true });
  try {
    // The copy inherits the live file's WAL mode; a backup should be one file that can be moved alone.
    copy.pragma("journal_mode = DELETE");
    assertIntact(copy, "The backup");
    assertDermaplanDatabase(copy, "The database");
    return rowCounts(copy);
  } finally {
    copy.close();
  }
}
