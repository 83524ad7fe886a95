import "server-only";
import { databasePath, isBuildPhase } from "@/lib/env";
import { openDatabase, type Db } from "./connection";

export type { Db } from "./connection";

// One connection per process; kept on globalThis so dev hot reloads do not open a new one each edit.
const globalForDb = globalThis as typeof globalThis & { dermaplanDb?: Db };

export function getDb(): Db {
  if (isBuildPhase()) {
    throw new Error("The database must not be opened while building; mark the page dynamic.");
  }
  globalForDb.dermaplanDb ??= openDatabase(databasePath());
  return globalForDb.dermaplanDb;
}

/** better-sqlite3 transactions are synchronous; IMMEDIATE takes the write lock before reading. */
export function writeTransaction<T>(fn: (tx: Db) => T): T {
  const db = getDb();
  return db.transaction((tx) => fn(tx as unknown as Db), { behavior: "immediate" });
}

/**
 * A statement built and prepared once per connection, for the queries every request runs: drizzle
 * otherwise rebuilds the SQL text and SQLite re-prepares it on each call.
 */
export function preparedOnce<T>(build: (db: Db) => T): () => T {
  const byConnection = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let statement = byConnection.get(db);
    if (!statement) {
      statement = build(db);
      byConnection.set(db, statement);
    }
    return statement;
  };
}
