import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { auditQuerySchema } from "@/lib/validation/audit";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { AUDIT_COUNT_CAP, listAuditEvents } from "./audit-log";

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
        seen.add(item.id);
      }
      expect(page.items[0]!.occurredAt <= previousOldest).toBe(true);
      previousOldest = page.items.at(-1)!.occurredAt;
      cursor = page.nextCursor;
    }
    const everything = db.$client.prepare("select count(*) as n from audit_events where clinic_id = ?").get(clinicId) as { n: number };
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
