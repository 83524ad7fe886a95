import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addClinics, clinicName, clinicNames, fileMode, makeClinicDatabase, tempFolder } from "@/test/database-files";
import { backupDatabase } from "./backup";
import { restoreDatabase } from "./restore";

let folder: ReturnType<typeof tempFolder>;
let live: string;
beforeEach(() => {
  folder = tempFolder();
  live = path.join(folder.dir, "live.db");
});
afterEach(() => folder.remove());

describe("an online backup", () => {
  it("round-trips: taken while another connection keeps writing, restored into a fresh path with the same rows", async () => {
    makeClinicDatabase(live, 20_000);
    const writer = new Database(live);
    writer.pragma("busy_timeout = 5000");
    let written = 20_000;
    let writing = true;
    // The app's own writes, interleaved with the backup's steps on the event loop.
    const keepWriting = (async () => {
      while (writing) {
        addClinics(writer, written, 10);
        written += 10;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const backup = path.join(folder.dir, "nightly.db");
    const summary = await backupDatabase(live, backup);
    writing = false;
    await keepWriting;
    writer.close();

    expect(written).toBeGreaterThan(20_000);
    const inBackup = clinicNames(backup);
    // A consistent snapshot: every clinic written before some moment, none after it.
    expect(inBackup).toEqual(Array.from({ length: inBackup.length }, (_, i) => clinicName(i)));
    expect(inBackup.length).toBeGreaterThanOrEqual(20_000);
    expect(inBackup.length).toBeLessThanOrEqual(written);
    expect(summary.rows.clinics).toBe(inBackup.length);
    expect(summary.bytes).toBe(fs.statSync(backup).size);
    expect(fileMode(backup)).toBe(0o600);
    // One self-contained file, nothing left beside it.
    expect(fs.readdirSync(folder.dir).filter((name) => !name.startsWith("live.db"))).toEqual(["nightly.db"]);
    // Header bytes 18-19: 1 = rollback journal, 2 = WAL (which would need a -wal file beside it).
    expect(fs.readFileSync(backup).subarray(18, 20)).toEqual(Buffer.from([1, 1]));

    const restoredFile = path.join(folder.dir, "restored", "dermaplan.db");
    fs.mkdirSync(path.dirname(restoredFile));
    const restored = restoreDatabase(backup, restoredFile);
    expect(restored.keptAside).toBeNull();
    expect(restored.rows).toEqual(summary.rows);
    expect(clinicNames(restoredFile)).toEqual(inBackup);
    expect(fileMode(restoredFile)).toBe(0o600);
  });

  it("refuses to overwrite an existing file and leaves it as it was", async () => {
    makeClinicDatabase(live, 3);
    const existing = path.join(folder.dir, "keep.db");
    fs.writeFileSync(existing, "last week's backup");
    await expect(backupDatabase(live, existing)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(existing, "utf8")).toBe("last week's backup");
    expect(fs.readdirSync(folder.dir).filter((name) => name.includes("partial"))).toEqual([]);
  });

  it("refuses when there is no database to back up", async () => {
    await expect(backupDatabase(path.join(folder.dir, "missing.db"), path.join(folder.dir, "b.db"))).rejects.toThrow(/no database at/);
    expect(fs.existsSync(path.join(folder.dir, "missing.db"))).toBe(false);
    expect(fs.existsSync(path.join(folder.dir, "b.db"))).toBe(false);
  });

  it("refuses a database that is not Dermaplan's, leaving no file behind", async () => {
    const other = new Database(live);
    other.exec("create table notes (x)");
    other.close();
    const target = path.join(folder.dir, "b.db");
    await expect(backupDatabase(live, target)).rejects.toThrow(/not a Dermaplan database/);
    expect(fs.readdirSync(folder.dir)).toEqual(["live.db"]);
  });
});
