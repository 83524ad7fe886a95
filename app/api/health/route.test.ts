import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/connection";
import { runMigrations } from "@/db/migrate";
import { GET } from "./route";

const holder = globalThis as { dermaplanDb?: Db };
afterEach(() => {
  holder.dermaplanDb?.$client.close();
  delete holder.dermaplanDb;
});

function databaseAt(migrated: boolean): Db {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dermaplan-health-")), "h.db");
  const db = openDatabase(file);
  if (migrated) runMigrations(db);
  return db;
}

describe("GET /api/health", () => {
  it("answers ok after a real query", async () => {
    holder.dermaplanDb = databaseAt(true);
    const response = GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 with a message when the database is unusable", async () => {
    holder.dermaplanDb = databaseAt(false);
    const response = GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", error: "The database is unavailable." });
  });
});
