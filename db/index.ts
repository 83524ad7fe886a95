import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { databasePath, isBuildPhase } from "@/lib/env";
import { openDatabase, type Db, type Tx } from "./connection";

export type { Db, Tx } from "./connection";
export { commitWithoutWaitingForDisk } from "./connection";

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
export function writeTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: "immediate" });
}

/** Anything that reads: the connection or a transaction on it. */
export type Reader = Pick<Db, "select">;

/**
 * A statement built and prepared once per connection, for the queries every request runs: drizzle
 * otherwise rebuilds the SQL text on each call. Keyed by the SQLite connection under the reader, so
 * a transaction shares its connection's statement (and runs it inside the transaction).
 */
export function preparedOnce<T>(build: (db: Reader) => T): (db?: Reader) => T {
  const statement = preparedByKey((db) => build(db));
  return (db) => statement("", db);
}

/**
 * preparedOnce for a family of statements that differ in shape (which filters a list applies): one
 * statement per key and connection. Keys must come from a small closed set, never from user input.
 */
export function preparedByKey<K extends string, T>(build: (db: Reader, key: K) => T): (key: K, db?: Reader) => T {
  const byConnection = new WeakMap<object, Map<K, T>>();
  return (key, db = getDb()) => {
    const connection = (db as unknown as { session: { client: object } }).session.client;
    let statements = byConnection.get(connection);
    if (!statements) {
      statements = new Map();
      byConnection.set(connection, statements);
    }
    let statement = statements.get(key);
    if (!statement) {
      statement = build(db, key);
      statements.set(key, statement);
    }
    return statement;
  };
}

/**
 * `column IN (…)` for a list of any length bound as one value, so the statement can be prepared once:
 * bind `JSON.stringify(ids)` to the placeholder. SQLite still looks each value up through the
 * column's index ("LIST SUBQUERY").
 */
export function inJsonList(column: SQLiteColumn, placeholder: string): SQL {
  return sql`${column} in (select value from json_each(${sql.placeholder(placeholder)}))`;
}
