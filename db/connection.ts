import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** What a transaction callback receives (`writeTransaction`, `db.transaction`): pass it to helpers that write. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * How long a statement waits, synchronously, for a lock another process holds. SQLite's busy handler
 * sleeps on the calling thread, which in Node is the event loop of the whole server: 5 s froze every
 * request. A short wait covers another process's ordinary write (a few ms); past it the statement fails
 * with SQLITE_BUSY and lib/http/busy-retry.ts retries the request after an asynchronous pause. Kept
 * this short because every waiting request pays it on every retry: ten of them at 50 ms would hold
 * the event loop half the time again.
 */
export const SERVER_BUSY_TIMEOUT_MS = 20;

/** For command-line tools (migrate, seed, backup): they serve nobody, so blocking while they wait is harmless. */
export const SCRIPT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens one SQLite file with the settings clinical data needs: WAL for concurrent readers,
 * enforced foreign keys, a short busy timeout instead of instant SQLITE_BUSY, and synchronous=FULL so
 * an acknowledged write survives a power loss.
 */
export function openDatabase(filePath: string, options: { busyTimeoutMs?: number } = {}): Db {
  if (filePath !== ":memory:") {
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    // Health data: readable by the server's own user only. SQLite gives the -wal and -shm files the
    // database file's permissions, so creating it 0600 (before SQLite does, whatever the umask) covers all three.
    fs.closeSync(fs.openSync(filePath, "a", 0o600));
  }
  const sqlite = new Database(filePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? SERVER_BUSY_TIMEOUT_MS)}`);
  sqlite.pragma("synchronous = FULL");
  cacheStatements(sqlite);
  return drizzle(sqlite, { schema });
}

/**
 * Runs `write`, which must open and commit its own transaction, with the commit not waiting for the
 * disk (synchronous=NORMAL instead of FULL) and FULL restored after. For the audit rows of reads only:
 * in WAL mode such a commit survives a crash of the server process, and reaches the disk with the next
 * FULL commit or checkpoint (the WAL is synced as a whole, in order), so only a power loss or OS
 * crash in between can lose it, and only the newest reads, never a hole in the trail. Waiting for the
 * disk on every list read held the single server thread for most of a millisecond each time.
 */
export function commitWithoutWaitingForDisk<T>(db: Db, write: () => T): T {
  const sqlite = db.$client;
  if (sqlite.inTransaction) throw new Error("A relaxed commit needs a transaction of its own.");
  // SQLite applies this pragma while compiling it, so a prepared copy run again would change nothing.
  sqlite.pragma("synchronous = NORMAL");
  try {
    return write();
  } finally {
    sqlite.pragma("synchronous = FULL");
  }
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares its SQL anew on every call, and preparing costs more than running most of our
 * indexed queries. The same text gets the same compiled statement back (LRU, per connection), reset
 * to plain row mode, unless that statement is busy iterating, when a fresh one is prepared.
 */
function cacheStatements(sqlite: Database.Database) {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source);
      cache.set(source, cached);
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return statement;
  }) as typeof sqlite.prepare;
}
