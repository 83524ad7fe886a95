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
