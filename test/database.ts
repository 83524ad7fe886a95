import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@/db/connection";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/lib/seed";

/**
 * A fresh, migrated, seeded database file for one test file, installed as the process's
 * connection so lib/data functions run against it exactly as they do in the app.
 */
export async function useSeededTestDatabase(): Promise<{ db: Db; close: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dermaplan-test-"));
  const file = path.join(dir, "test.db");
  process.env.DATABASE_URL = file;
  const db = openDatabase(file);
  runMigrations(db);
  await seedDemo(db);
  (globalThis as { dermaplanDb?: Db }).dermaplanDb = db;
  return {
    db,
    close: () => {
      db.$client.close();
      delete (globalThis as { dermaplanDb?: Db }).dermaplanDb;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database file installed as the process's connection, migrated or (to test failures) not. */
export function useEmptyTestDatabase(options: { migrated: boolean }): { close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dermaplan-test-"));
  const db = openDatabase(path.join(dir, "empty.db"));
  if (options.migrated) runMigrations(db);
  (globalThis as { dermaplanDb?: Db }).dermaplanDb = db;
  return {
    close: () => {
      db.$client.close();
      delete (globalThis as { dermaplanDb?: Db }).dermaplanDb;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
