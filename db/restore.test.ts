import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clinicNames, fileMode, knownMigrationCount, makeClinicDatabase, tempFolder } from "@/test/database-files";
import { restoreDatabase } from "./restore";

const require = createRequire(import.meta.url);
let folder: ReturnType<typeof tempFolder>;
let target: string;
let backup: string;
beforeEach(() => {
  folder = tempFolder();
  target = path.join(folder.dir, "dermaplan.db");
  backup = path.join(folder.dir, "backup.db");
});
afterEach(() => folder.remove());

/** A refusal keeps the database's rows, sets nothing aside and leaves no temporary file. */
function refusalLeavesTargetAlone(run: () => unknown, message: RegExp) {
  const before = clinicNames(target);
  expect(run).toThrow(message);
  expect(clinicNames(target)).toEqual(before);
  expect(fs.readdirSync(folder.dir).filter((name) => name.includes("restore"))).toEqual([]);
}

describe("restoring a backup", () => {
  it("replaces the database, keeps the replaced one aside, and leaves no stale -wal or -shm", () => {
    makeClinicDatabase(target, 2);
    makeClinicDatabase(backup, 5);
    // A server killed mid-flight: its last write is only in the -wal, which the kept copy must not lose.
    const crash = spawnSync(process.execPath, ["-e", `
      const db = new (require(${JSON.stringify(require.resolve("better-sqlite3"))}))(${JSON.stringify(target)});
      db.pragma("journal_mode = WAL");
      db.exec("insert into clinics (id, name, created_at) values ('late', 'Only in the old WAL', '2026-01-01')");
      process.kill(process.pid, "SIGKILL");`]);
    expect(crash.signal).toBe("SIGKILL");
    expect(fs.statSync(`${target}-wal`).size).toBeGreaterThan(0);

    const summary = restoreDatabase(backup, target, new Date("2026-05-01T10:20:30.456Z"));

    expect(clinicNames(target)).toHaveLength(5);
    expect(summary.rows.clinics).toBe(5);
    expect(summary.keptAside).toBe(`${target}.before-restore-2026-05-01T10-20-30-456Z`);
    expect(clinicNames(summary.keptAside!)).toContain("Only in the old WAL");
    expect(fs.existsSync(`${target}-wal`) && fs.statSync(`${target}-wal`).size).toBeFalsy();
    expect(fileMode(target)).toBe(0o600);
    expect(fs.readFileSync(backup).subarray(0, 15).toString()).toBe("SQLite format 3");
  });

  it("brings an older backup up to date with this version's migrations", () => {
    makeClinicDatabase(backup, 3, { migrations: 10 });
    const summary = restoreDatabase(backup, target);
    expect(summary.migrationsAdded).toBe(knownMigrationCount() - 10);
    const db = new Database(target, { readonly: true });
    expect(db.prepare("select count(*) from __drizzle_migrations").pluck().get()).toBe(knownMigrationCount());
    db.close();
    expect(clinicNames(target)).toHaveLength(3);
  });

  it("refuses while another process has the database open", () => {
    makeClinicDatabase(target, 2);
    makeClinicDatabase(backup, 5);
    const server = new Database(target);
    server.pragma("journal_mode = WAL");
    try {
      refusalLeavesTargetAlone(() => restoreDatabase(backup, target), /open in another process/);
    } finally {
      server.close();
    }
    expect(clinicNames(target)).toHaveLength(2);
  });

  it("refuses a file that is not a SQLite database", () => {
    makeClinicDatabase(target, 2);
    fs.writeFileSync(backup, "name,dob\nJordan Lee,1990-04-12\n".repeat(200));
    refusalLeavesTargetAlone(() => restoreDatabase(backup, target), /is not a SQLite database/);
  });

  it("refuses a SQLite database that is not Dermaplan's", () => {
    makeClinicDatabase(target, 2);
    const other = new Database(backup);
    other.exec("create table clinics (id); create table notes (x)");
    other.close();
    refusalLeavesTargetAlone(() => restoreDatabase(backup, target), /not a Dermaplan database \(no __drizzle_migrations, users/);
  });

  it("refuses a backup that fails integrity_check", () => {
    makeClinicDatabase(target, 2);
    makeClinicDatabase(backup, 500);
    // Zero the clinics name index's root page: the table and its index no longer agree.
    const db = new Database(backup);
    const { rootpage } = db.prepare("select rootpage from sqlite_master where tbl_name = 'clinics' and type = 'index'").get() as { rootpage: number };
    const pageSize = db.pragma("page_size", { simple: true }) as number;
    db.close();
    const fd = fs.openSync(backup, "r+");
    fs.writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, (rootpage - 1) * pageSize);
    fs.closeSync(fd);
    refusalLeavesTargetAlone(() => restoreDatabase(backup, target), /fails integrity_check/);
  });

  it("refuses a backup made by a newer version (a migration this one does not know)", () => {
    makeClinicDatabase(target, 2);
    makeClinicDatabase(backup, 5);
    const newer = new Database(backup);
    newer.prepare("insert into __drizzle_migrations (hash, created_at) values ('future', ?)").run(Date.now() + 10 * 365 * 86_400_000);
    newer.close();
    refusalLeavesTargetAlone(() => restoreDatabase(backup, target), /newer version of Dermaplan \(1 migration/);
  });

  it("refuses a missing file, and the database itself", () => {
    makeClinicDatabase(target, 2);
    refusalLeavesTargetAlone(() => restoreDatabase(path.join(folder.dir, "nope.db"), target), /no file at/);
    refusalLeavesTargetAlone(() => restoreDatabase(target, target), /the database itself/);
  });
});
