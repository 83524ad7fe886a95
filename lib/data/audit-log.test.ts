import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { auditQuerySchema } from "@/lib/validation/audit";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { recordAudit } from "./audit";
import { auditCsv } from "./audit-csv";
import { AUDIT_COUNT_CAP, exportAuditEvents, listAuditEvents } from "./audit-log";
import { preparedDuring } from "@/test/prepared-statements";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

describe("the audit trail stays bounded as it grows", () => {
  const admin = () => actorFor(db, "admin@northside.test");

  it("walks the whole trail by cursor without gaps or repeats, and caps the count", () => {
    const { clinicId } = admin();
    const insert = db.$client.prepare("insert into audit_events (occurred_at, clinic_id, action, outcome) values (?, ?, 'patient.read', 'success')");
    // Pairs share a timestamp, so the cursor must break ties on the id.
    db.$client.transaction(() => {
      for (let i = 0; i < AUDIT_COUNT_CAP + 50; i += 1) insert.run(new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 2) * 1000).toISOString(), clinicId);
    })();
    const first = listAuditEvents(admin(), auditQuerySchema.parse({ pageSize: "200" }));
    expect(first).toMatchObject({ total: AUDIT_COUNT_CAP, totalCapped: true, pageSize: 200 });

    const seen = new Set<number>();
    let cursor: string | null = null;
    let previousOldest = "9999";
    for (let step = 0; step < 60 && (step === 0 || cursor); step += 1) {
      const page = listAuditEvents(admin(), auditQuerySchema.parse({ pageSize: "200", ...(cursor ? { before: cursor } : {}) }));
      for (const item of page.items) {
        expect(seen.has(item.id)).toBe(false);
        // Each listing writes its own audit.read row; those after the walk began are newer than its cursor.
        if (item.action !== "audit.read") seen.add(item.id);
      }
      expect(page.items[0]!.occurredAt <= previousOldest).toBe(true);
      previousOldest = page.items.at(-1)!.occurredAt;
      cursor = page.nextCursor;
    }
    const everything = db.$client.prepare("select count(*) as n from audit_events where (clinic_id = ? or (clinic_id is null and action = 'auth.sign_in')) and action != 'audit.read'").get(clinicId) as { n: number };
    expect(seen.size).toBe(everything.n);
  });

  it("refuses a cursor it did not hand out", () => {
    expect(auditQuerySchema.safeParse({ before: "yesterday" }).success).toBe(false);
  });
});

describe("audit date filters", () => {
  it("take from and to as clinic days, a 25-hour day included whole", () => {
    const admin = actorFor(db, "admin@northside.test");
    const insert = db.$client.prepare("insert into audit_events (occurred_at, clinic_id, action, outcome) values (?, ?, 'dst.probe', 'success')");
    // 00:30 BST and 23:30 GMT on Sunday 25 Oct 2026 (London's clocks go back that night), and 00:30 GMT on the 26th.
    for (const at of ["2026-10-24T23:30:00.000Z", "2026-10-25T23:30:00.000Z", "2026-10-26T00:30:00.000Z"]) insert.run(at, admin.clinicId);
    const day = (zone: string) => {
      process.env.CLINIC_TIME_ZONE = zone;
      try {
        return listAuditEvents(admin, auditQuerySchema.parse({ action: "dst.probe", from: "2026-10-25", to: "2026-10-25" })).items.map((e) => e.occurredAt);
      } finally {
        delete process.env.CLINIC_TIME_ZONE;
      }
    };
    expect(day("Europe/London")).toEqual(["2026-10-25T23:30:00.000Z", "2026-10-24T23:30:00.000Z"]);
    expect(day("UTC")).toEqual(["2026-10-25T23:30:00.000Z"]);
    const open = listAuditEvents(admin, auditQuerySchema.parse({ action: "dst.probe", from: "2026-10-25", to: "9999-12-31" }));
    expect(open.items.map((e) => e.occurredAt)).toEqual(["2026-10-26T00:30:00.000Z", "2026-10-25T23:30:00.000Z"]);
  });
});

describe("failed sign-ins that named no account: installation-wide", () => {
  const northside = () => actorFor(db, "admin@northside.test");
  const southBay = () => {
    // The seed has no South Bay admin; one stands in, as the guards would build it.
    const chen = actorFor(db, "chen@southbay.test");
    return { ...chen, id: "00000000-0000-4000-8000-00000000a5b1", role: "admin" as const };
  };
  const probe = "ghost-of-the-installation@nowhere.test";

  it("reach every clinic's admin, marked, and in no clinic's filter by patient or person", () => {
    recordAudit(db, { action: "auth.sign_in", outcome: "failure", clinicId: null, ip: "198.51.100.9", detail: { reason: "unknown_email", email: probe } });
    // A clinic-less row of another kind is no admin's.
    recordAudit(db, { action: "system.seed_demo", outcome: "success", clinicId: null, detail: { probe } });
    for (const admin of [northside(), southBay()]) {
      const page = listAuditEvents(admin, auditQuerySchema.parse({ action: "auth.sign_in", pageSize: "200" }));
      const found = page.items.filter((i) => JSON.stringify(i.detail).includes(probe));
      expect(found).toEqual([expect.objectContaining({ action: "auth.sign_in", outcome: "failure", actor: null, installationWide: true, ip: "198.51.100.9" })]);
    }
    const everything = listAuditEvents(northside(), auditQuerySchema.parse({ pageSize: "200" })).items;
    expect(everything.filter((i) => JSON.stringify(i.detail).includes(probe)).map((i) => i.action)).toEqual(["auth.sign_in"]);
    const byPerson = listAuditEvents(northside(), auditQuerySchema.parse({ actorId: northside().id, pageSize: "200" })).items;
    expect(byPerson.some((i) => i.installationWide)).toBe(false);
    const otherAction = listAuditEvents(northside(), auditQuerySchema.parse({ action: "patient.read", pageSize: "200" })).items;
    expect(otherAction.some((i) => i.installationWide)).toBe(false);
  });

  it("can be shown alone, or left out", () => {
    const only = listAuditEvents(northside(), { ...auditQuerySchema.parse({ pageSize: "200" }), scope: "installation" }).items;
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((i) => i.installationWide && i.action === "auth.sign_in")).toBe(true);
    const clinic = listAuditEvents(northside(), { ...auditQuerySchema.parse({ pageSize: "200" }), scope: "clinic" }).items;
    expect(clinic.length).toBeGreaterThan(0);
    expect(clinic.some((i) => i.installationWide)).toBe(false);
  });

  it("are exported with the clinic's rows, the CSV saying which is which", () => {
    const csv = auditCsv(exportAuditEvents(northside(), auditQuerySchema.parse({ action: "auth.sign_in" })));
    const lines = csv.split("\r\n");
    expect(lines[0]!.endsWith(",scope")).toBe(true);
    expect(lines.find((l) => l.includes(probe))!.endsWith(",installation")).toBe(true);
    expect(lines.slice(1).filter((l) => l && !l.includes(probe)).every((l) => l.endsWith(",clinic") || l.endsWith(",installation"))).toBe(true);
  });

  it("merge with the clinic's trail in index order: no sort of the whole trail", async () => {
    const statements = await preparedDuring(db, () => listAuditEvents(northside(), auditQuerySchema.parse({})));
    const walk = statements.find(({ sql }) => /union all/i.test(sql) && /order by/i.test(sql) && !/count\(/i.test(sql))!;
    const plan = walk.plan.join("\n");
    expect(plan).toContain("MERGE (UNION ALL)");
    expect(plan).not.toContain("TEMP B-TREE");
  });
});
