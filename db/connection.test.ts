import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./connection";

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
