import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTransaction } from "@/db";
import { openDatabase, type Db } from "@/db/connection";
import { runMigrations } from "@/db/migrate";
import { auditRecordHash, type ChainedAuditRecord } from "@/lib/domain/audit-chain";
import { synthesize } from "@/lib/synth";
import { useSeededTestDatabase } from "@/test/database";
import { recordAudit } from "./audit";
import { verifyAuditChain } from "./audit-chain";

let db: Db;
let close: () => void;
const copies: Db[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dermaplan-chain-"));
beforeAll(async () => {
  ({ db, close } = await useSeededTestDatabase());
  // A trail worth tampering with: the clinics' rows and the unscoped ones interleaved.
  const clinics = [clinicOf("rivera@northside.test"), clinicOf("chen@southbay.test"), null];
  for (let i = 0; i < 30; i += 1) recordAudit(db, { action: "patient.read", outcome: "success", clinicId: clinics[i % 3], patientId: `p-${i}`, detail: { view: "detail" } });
});
afterAll(() => {
  for (const copy of copies) copy.$client.close();
  close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the seeded database in a file of its own, to tamper with. */
function copyOf(source: Db): Db {
  const file = path.join(dir, `copy-${copies.length}.db`);
  fs.writeFileSync(file, source.$client.serialize());
  const copy = openDatabase(file);
  copies.push(copy);
  return copy;
}

const rows = (d: Db, where = "1 = 1", ...params: unknown[]) =>
  d.$client
    .prepare(
      `select id, occurred_at as occurredAt, actor_id as actorId, actor_role as actorRole, clinic_id as clinicId, action, patient_id as patientId,
         outcome, ip, detail, prev_hash as prevHash, hash from audit_events where ${where} order by id`,
    )
    .all(...params) as ChainedAuditRecord[];

/** A row in the middle of the busiest clinic's chain: rows of its clinic come before and after it. */
function middleRow(d: Db): ChainedAuditRecord {
  const { clinicId } = d.$client.prepare("select clinic_id as clinicId from audit_events where clinic_id is not null group by clinic_id order by count(*) desc limit 1").get() as { clinicId: string };
  const chain = rows(d, "clinic_id = ?", clinicId);
  return chain[Math.floor(chain.length / 2)]!;
}

const clinicOf = (email: string) => (db.$client.prepare("select clinic_id as id from users where email = ?").get(email) as { id: string }).id;

describe("recordAudit", () => {
  it("links each row to the previous row of its own clinic, or of the rows without one, hashing what it stored", () => {
    const northside = clinicOf("rivera@northside.test");
    recordAudit(db, { action: "test.first", outcome: "success", clinicId: northside });
    recordAudit(db, { action: "test.unscoped", outcome: "failure" });
    recordAudit(db, { action: "test.second", outcome: "success", clinicId: northside, detail: { n: 2 } });
    const [first, unscoped, second] = rows(db, "action like 'test.%' and action in ('test.first', 'test.unscoped', 'test.second')");
    expect(second!.prevHash).toBe(first!.hash);
    expect(unscoped!.prevHash).toBe(rows(db, "clinic_id is null and id < ?", unscoped!.id).at(-1)?.hash ?? null);
    for (const row of [first!, unscoped!, second!]) expect(row.hash).toBe(auditRecordHash(row.prevHash, row));
    expect(verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it("leaves the chain intact when the transaction it wrote in rolls back, outer or nested", () => {
    expect(() =>
      writeTransaction((tx) => {
        recordAudit(tx, { action: "test.rolled_back", outcome: "success" });
        throw new Error("abandon");
      }),
    ).toThrow("abandon");
    writeTransaction((tx) => {
      expect(() =>
        tx.transaction((nested) => {
          recordAudit(nested, { action: "test.rolled_back", outcome: "success" });
          throw new Error("abandon the savepoint");
        }),
      ).toThrow("abandon the savepoint");
      recordAudit(tx, { action: "test.kept", outcome: "success" });
    });
    expect(rows(db, "action = 'test.rolled_back'")).toEqual([]);
    expect(verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it("stores text SQLite cannot keep as given (a lone surrogate) as it hashed it", () => {
    recordAudit(db, { action: "test.surrogate", outcome: "denied", patientId: "p\ud800", detail: { q: "\udc00" } });
    expect(rows(db, "action = 'test.surrogate'")[0]!.patientId).toBe("p\ufffd");
    expect(verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it("finds its chain's head through audit_chain_idx, without scanning or sorting the trail", () => {
    // A second connection prepares its statements afresh, so they can be caught and explained.
    const other = openDatabase(process.env.DATABASE_URL!);
    const prepared: string[] = [];
    const prepare = other.$client.prepare.bind(other.$client);
    other.$client.prepare = ((source: string) => (prepared.push(source), prepare(source))) as typeof prepare;
    recordAudit(other, { action: "test.plan", outcome: "success", clinicId: clinicOf("chen@southbay.test") });
    const lookup = prepared.find((s) => /^select/i.test(s) && s.includes("sqlite_sequence"))!;
    const params = (lookup.match(/\?/g) ?? []).map(() => null);
    const plan = (prepare(`explain query plan ${lookup}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    other.$client.close();
    expect(plan).toContainEqual(expect.stringMatching(/SEARCH audit_events USING (COVERING )?INDEX audit_chain_idx \(clinic_id=\?\)/));
    expect(plan.join("\n")).not.toMatch(/SCAN audit_events|TEMP B-TREE/);
  });
});

describe("verifyAuditChain", () => {
  it("finds the seeded trail intact: every row, one chain per clinic and one for rows without a clinic", () => {
    const { n, chains } = db.$client.prepare("select count(*) as n, count(distinct ifnull(clinic_id, '-')) as chains from audit_events").get() as { n: number; chains: number };
    const report = verifyAuditChain(db);
    expect(report).toMatchObject({ intact: true, rows: n });
    expect(report.intact && report.chains).toHaveLength(chains);
  });

  it("names an altered row once the no-update trigger is dropped and a detail rewritten", () => {
    const copy = copyOf(db);
    const target = middleRow(copy);
    copy.$client.exec("drop trigger audit_events_no_update");
    copy.$client.prepare("update audit_events set detail = '{\"view\":\"nothing happened\"}' where id = ?").run(target.id);
    expect(verifyAuditChain(copy)).toMatchObject({ intact: false, broken: { id: target.id, clinicId: target.clinicId, occurredAt: target.occurredAt, kind: "altered" } });
  });

  it("names a row deleted from the middle once the no-delete trigger is dropped", () => {
    const copy = copyOf(db);
    const target = middleRow(copy);
    copy.$client.exec("drop trigger audit_events_no_delete");
    copy.$client.prepare("delete from audit_events where id = ?").run(target.id);
    const report = verifyAuditChain(copy);
    expect(report).toMatchObject({ intact: false, broken: { id: target.id, kind: "deleted" } });
    expect(!report.intact && report.rows).toBe(target.id - 1);
  });

  it("names rows deleted from the end, while SQLite's sequence still remembers their ids", () => {
    const copy = copyOf(db);
    const last = rows(copy).at(-1)!;
    copy.$client.exec("drop trigger audit_events_no_delete");
    copy.$client.prepare("delete from audit_events where id >= ?").run(last.id - 1);
    expect(verifyAuditChain(copy)).toMatchObject({ intact: false, broken: { id: last.id - 1, kind: "deleted" } });
  });

  it("cannot see the end cut off when the sequence is reset too: the recorded head is what shows it", () => {
    const copy = copyOf(db);
    const before = verifyAuditChain(copy);
    const last = rows(copy).at(-1)!;
    copy.$client.exec("drop trigger audit_events_no_delete");
    copy.$client.prepare("delete from audit_events where id = ?").run(last.id);
    copy.$client.prepare("update sqlite_sequence set seq = ? where name = 'audit_events'").run(last.id - 1);
    const after = verifyAuditChain(copy);
    expect(after).toMatchObject({ intact: true, rows: last.id - 1 });
    const headOf = (r: typeof after) => r.intact && r.chains.find((c) => c.clinicId === last.clinicId)?.hash;
    expect(headOf(after)).not.toBe(headOf(before));
  });

  it("calls a forged row linked to an older row of its chain reordered, naming the row it links to", () => {
    const copy = copyOf(db);
    const target = middleRow(copy);
    const last = rows(copy).at(-1)!;
    const forged = { ...target, id: last.id + 1, action: "test.forged", prevHash: target.hash };
    copy.$client
      .prepare("insert into audit_events (id, occurred_at, clinic_id, action, outcome, actor_id, actor_role, patient_id, ip, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .run(forged.id, forged.occurredAt, forged.clinicId, forged.action, forged.outcome, forged.actorId, forged.actorRole, forged.patientId, forged.ip, forged.detail, forged.prevHash, auditRecordHash(forged.prevHash, forged));
    expect(verifyAuditChain(copy)).toMatchObject({ intact: false, broken: { id: forged.id, kind: "reordered", reason: `it links back to #${target.id}, which is not the previous row of its chain` } });
  });

  it("names a row inserted around recordAudit, and a restart does not hash it into the chain", () => {
    const copy = copyOf(db);
    const { lastInsertRowid } = copy.$client.prepare("insert into audit_events (occurred_at, action, outcome) values ('2026-01-01T00:00:00.000Z', 'test.raw', 'success')").run();
    runMigrations(copy);
    expect(verifyAuditChain(copy)).toMatchObject({ intact: false, broken: { id: Number(lastInsertRowid), kind: "unchained" } });
  });

  it("finds the synthesizer's bulk-written trail intact", async () => {
    const synthetic = openDatabase(path.join(dir, "synth.db"));
    copies.push(synthetic);
    runMigrations(synthetic);
    const counts = await synthesize(synthetic, { patients: 12, days: 60, seed: 3, now: new Date("2026-06-01T00:00:00.000Z") });
    expect(counts.auditEvents).toBeGreaterThan(50);
    recordAudit(synthetic, { action: "test.after_synth", outcome: "success", clinicId: rows(synthetic).at(-1)!.clinicId });
    expect(verifyAuditChain(synthetic)).toMatchObject({ intact: true });
  }, 60_000);
});
