import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clinicNames, makeClinicDatabase, tempFolder } from "@/test/database-files";

const require = createRequire(import.meta.url);
const folder = tempFolder();
const database = path.join(folder.dir, "dermaplan.db");
const backup = path.join(folder.dir, "backup.db");
beforeAll(() => makeClinicDatabase(database, 4));
afterAll(() => folder.remove());

/** `npm run db:backup -- …` / `npm run db:restore -- …` as package.json runs them, on this test's database. */
function run(script: "db-backup" | "db-restore", ...args: string[]) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: database },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Another process with the database open, as a running server has it. */
async function holdOpen(file: string) {
  const child = spawn(process.execPath, ["-e", `
    const db = new (require(${JSON.stringify(require.resolve("better-sqlite3"))}))(${JSON.stringify(file)});
    db.pragma("journal_mode = WAL");
    db.prepare("select count(*) from clinics").get();
    console.log("ready");
    setInterval(() => {}, 1000);`]);
  await new Promise((resolve) => child.stdout.once("data", resolve));
  return { stop: () => new Promise((resolve) => (child.once("exit", resolve), child.kill("SIGKILL"))) };
}

// Each run starts tsx (seconds on a busy machine).
describe("npm run db:backup and db:restore", { timeout: 30_000 }, () => {
  it("explain their usage and exit 2 without a file", () => {
    for (const script of ["db-backup", "db-restore"] as const) {
      const result = run(script);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^Usage: npm run db:/);
    }
  });

  it("back up while the database is open elsewhere, printing the size and the rows", async () => {
    const server = await holdOpen(database);
    try {
      const result = run("db-backup", backup);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("integrity_check ok");
      expect(result.stdout).toMatch(/MB/);
      expect(result.stdout).toMatch(/^\s+clinics\s+4$/m);
    } finally {
      await server.stop();
    }
    expect(clinicNames(backup)).toHaveLength(4);
  });

  it("refuse to overwrite a backup, exiting 1", () => {
    const before = fs.readFileSync(backup);
    const result = run("db-backup", backup);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`Backup refused: ${backup} already exists; a backup never overwrites a file.`);
    expect(fs.readFileSync(backup).equals(before)).toBe(true);
  });

  it("refuse to restore while a process has the database open, exiting 1", async () => {
    const server = await holdOpen(database);
    try {
      const result = run("db-restore", backup);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^Restore refused: .* is open in another process\. Stop the Dermaplan server/);
    } finally {
      await server.stop();
    }
  });

  it("restore into the stopped instance, naming where the replaced database was kept", () => {
    const result = run("db-restore", backup);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const kept = /kept at (\S+)/.exec(result.stdout)?.[1];
    expect(kept && path.dirname(kept)).toBe(folder.dir);
    expect(clinicNames(kept!)).toEqual(clinicNames(database));
    expect(result.stdout).toMatch(/^\s+clinics\s+4$/m);
  });
});
