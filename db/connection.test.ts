import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { commitWithoutWaitingForDisk, openDatabase, SCRIPT_BUSY_TIMEOUT_MS, SERVER_BUSY_TIMEOUT_MS } from "./connection";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dermaplan-perm-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the database file", () => {
  it("and its WAL are created readable and writable by the server's user only", () => {
    const file = path.join(dir, "clinic.db");
    const previous = process.umask(0o022);
    try {
      const db = openDatabase(file);
      db.$client.exec("create table t (x integer); insert into t values (1);");
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect({ f: path.basename(f), mode: fs.statSync(f).mode & 0o777 }).toEqual({ f: path.basename(f), mode: 0o600 });
      db.$client.close();
    } finally {
      process.umask(previous);
    }
  });
});

describe("waiting for another process's write lock", () => {
  it("lasts tens of milliseconds on the server's connection, then fails with SQLITE_BUSY for the request to retry", () => {
    const file = path.join(dir, "locked.db");
    const db = openDatabase(file);
    const other = new Database(file);
    try {
      other.exec("BEGIN IMMEDIATE");
      const started = performance.now();
      let code: unknown;
      try {
        db.$client.exec("BEGIN IMMEDIATE");
      } catch (error) {
        code = (error as { code?: unknown }).code;
      }
      const waited = performance.now() - started;
      expect(code).toBe("SQLITE_BUSY");
      expect(waited).toBeGreaterThanOrEqual(SERVER_BUSY_TIMEOUT_MS * 0.9);
      expect(waited).toBeLessThan(250);
    } finally {
      other.close();
      db.$client.close();
    }
  });

  it("is the script's to choose: command-line tools may wait seconds", () => {
    const db = openDatabase(path.join(dir, "script.db"), { busyTimeoutMs: SCRIPT_BUSY_TIMEOUT_MS });
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(SCRIPT_BUSY_TIMEOUT_MS);
    db.$client.close();
  });
});

describe("a commit that does not wait for the disk (the audit rows of reads)", () => {
  const SYNC = { NORMAL: 1, FULL: 2 };
  const open = () => {
    const db = openDatabase(path.join(dir, `relaxed-${Math.random()}.db`));
    db.$client.exec("create table t (x integer)");
    return db;
  };
  const level = (db: ReturnType<typeof open>) => db.$client.pragma("synchronous", { simple: true });

  it("commits with synchronous=NORMAL and puts FULL back for every other write", () => {
    const db = open();
    expect(level(db)).toBe(SYNC.FULL);
    const during = commitWithoutWaitingForDisk(db, () => {
      db.$client.transaction(() => db.$client.prepare("insert into t values (1)").run())();
      return level(db);
    });
    expect(during).toBe(SYNC.NORMAL);
    expect(level(db)).toBe(SYNC.FULL);
    expect(db.$client.prepare("select count(*) from t").pluck().get()).toBe(1);
    db.$client.close();
  });

  it("puts FULL back when the write fails", () => {
    const db = open();
    expect(() => commitWithoutWaitingForDisk(db, () => db.$client.prepare("insert into missing values (1)").run())).toThrow(/no such table/);
    expect(level(db)).toBe(SYNC.FULL);
    db.$client.close();
  });

  it("is refused inside a transaction, whose commit must stay durable", () => {
    const db = open();
    db.$client.transaction(() => {
      expect(() => commitWithoutWaitingForDisk(db, () => 1)).toThrow(/transaction of its own/);
    })();
    expect(level(db)).toBe(SYNC.FULL);
    db.$client.close();
  });
});
