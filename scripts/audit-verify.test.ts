import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/connection";
import { runMigrations } from "@/db/migrate";
import { recordAudit } from "@/lib/data/audit";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dermaplan-verify-"));
const database = path.join(dir, "dermaplan.db");

beforeAll(() => {
  const db = openDatabase(database);
  runMigrations(db);
  const clinicId = db.$client.prepare("insert into clinics (id, name, created_at) values ('c-north', 'Northside Dermatology', '2026-01-01') returning id").get() as { id: string };
  db.transaction((tx) => {
    for (let i = 0; i < 1_200; i += 1) recordAudit(tx, { action: "patient.read", outcome: "success", clinicId: i % 4 ? clinicId.id : null, patientId: `p-${i}` });
  });
  db.$client.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `npm run audit:verify` as package.json runs it, on this test's database. */
function verify(file = database) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts"], {
    env: { ...process.env, DATABASE_URL: file },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each run starts tsx (seconds on a busy machine).
describe("npm run audit:verify", { timeout: 30_000 }, () => {
  it("says the trail is intact, counts rows and chains, prints each chain's head, and exits 0", () => {
    const { status, stdout } = verify();
    expect(stdout).toContain("Audit trail intact: 1,200 rows in 2 chains.");
    expect(stdout).toMatch(/Northside Dermatology \(c-north\): 900 rows, head #1200 sha256:[0-9a-f]{64}/);
    expect(stdout).toMatch(/no clinic: 300 rows, head #1197 sha256:[0-9a-f]{64}/);
    expect(status).toBe(0);
  });

  it("names the first broken row, its clinic, time and what is wrong, and exits 1", () => {
    const sqlite = openDatabase(database).$client;
    sqlite.exec("drop trigger audit_events_no_update");
    sqlite.prepare("update audit_events set detail = '{}' where id in (642, 900)").run();
    const { occurredAt } = sqlite.prepare("select occurred_at as occurredAt from audit_events where id = 642").get() as { occurredAt: string };
    sqlite.close();
    const { status, stdout } = verify();
    expect(stdout).toContain(`Audit trail BROKEN at row #642 (Northside Dermatology (c-north), occurred ${occurredAt}): altered: its stored fields no longer match its hash.`);
    expect(stdout).toContain("641 rows before it verified.");
    expect(status).toBe(1);
  });

  it("exits 2 when there is no database to check, creating none", () => {
    const missing = path.join(dir, "missing.db");
    const { status, stderr } = verify(missing);
    expect(stderr).toContain(`No database at ${missing}.`);
    expect(status).toBe(2);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
