import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/connection";
import { MIGRATIONS_FOLDER, runMigrations } from "@/db/migrate";
import { recordAudit } from "./audit";
import { verifyAuditChain } from "./audit-chain";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dermaplan-backfill-"));
let db: Db;
let triggerAsCreated: string;

/** The committed migrations up to 0014: the schema of a database written before the hash chain. */
function migrationsBeforeTheChain(): string {
  const folder = path.join(dir, "migrations");
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, "meta/_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx < 15);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

const triggerSql = (d: Db) => (d.$client.prepare("select sql from sqlite_master where type = 'trigger' and name = 'audit_events_no_update'").get() as { sql: string } | undefined)?.sql;

beforeAll(() => {
  db = openDatabase(path.join(dir, "legacy.db"));
  migrate(db, { migrationsFolder: migrationsBeforeTheChain() });
  triggerAsCreated = triggerSql(db)!;
  const insert = db.$client.prepare("insert into audit_events (occurred_at, clinic_id, action, outcome, detail) values (?, ?, ?, 'success', ?)");
  db.$client.transaction(() => {
    for (let i = 0; i < 12_345; i += 1) insert.run(new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(), ["c-a", "c-b", null][i % 3], "patient.read", `{"n":${i}}`);
  })();
  // The upgrade: migration 0015, then the backfill, as every start runs them.
  runMigrations(db);
}, 30_000);
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("rows written before the hash chain", () => {
  it("join it on the first start after the upgrade, one chain per clinic and one without", () => {
    expect(db.$client.prepare("select count(*) as n from audit_events where hash is null").get()).toEqual({ n: 0 });
    const report = verifyAuditChain(db);
    expect(report).toMatchObject({ intact: true, rows: 12_345 });
    expect(report.intact && report.chains.map((c) => [c.clinicId, c.rows])).toEqual([["c-a", 4115], ["c-b", 4115], [null, 4115]]);
  });

  it("leave the no-update trigger as migration 0001 created it, refusing updates again", () => {
    expect(triggerSql(db)).toBe(triggerAsCreated);
    expect(() => db.$client.prepare("update audit_events set detail = '{}' where id = 1").run()).toThrow(/append-only/);
  });

  it("are followed by new rows on the same chains", () => {
    recordAudit(db, { action: "test.after_upgrade", outcome: "success", clinicId: "c-a" });
    expect(verifyAuditChain(db)).toMatchObject({ intact: true, rows: 12_346 });
  });

  it("are as tamper-evident as new ones", () => {
    db.$client.exec("drop trigger audit_events_no_update");
    try {
      db.$client.prepare("update audit_events set occurred_at = '2024-12-31T23:59:59.000Z' where id = 500").run();
      expect(verifyAuditChain(db)).toMatchObject({ intact: false, broken: { id: 500, kind: "altered" } });
    } finally {
      db.$client.exec(triggerAsCreated);
    }
  });

  it("are hashed once: a start with the chain in place changes nothing", () => {
    const before = db.$client.prepare("select id, hash from audit_events order by id").all();
    runMigrations(db);
    expect(db.$client.prepare("select id, hash from audit_events order by id").all()).toEqual(before);
  });
});
