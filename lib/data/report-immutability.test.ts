import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { homeSessions, reactions } from "@/db/schema";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { signOffReport } from "./review-queue";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const rivera = () => actorFor(db, "rivera@northside.test");
const REVIEW_COLUMNS = ["reviewed_by", "reviewed_at"];
const TABLES = { home_sessions: homeSessions, reactions } as const;
type TableName = keyof typeof TABLES;

/** A seeded report of Rivera's clinic, signed off or still waiting. */
function report(table: TableName, reviewed: boolean, where = "1 = 1"): string {
  const row = db.$client
    .prepare(`select r.id from ${table} r join patients p on p.id = r.patient_id where p.clinic_id = ? and r.reviewed_at is ${reviewed ? "not " : ""}null and ${where} order by r.id limit 1`)
    .get(rivera().clinicId) as { id: string } | undefined;
  if (!row) throw new Error(`the seed has no ${reviewed ? "reviewed" : "unreviewed"} ${table} row`);
  return row.id;
}

const anotherPatient = (table: TableName, id: string) =>
  (db.$client.prepare(`select p.id from patients p where p.id != (select patient_id from ${table} where id = ?) limit 1`).get(id) as { id: string }).id;
const stored = (table: TableName, id: string) => db.$client.prepare(`select * from ${table} where id = ?`).get(id) as Record<string, unknown>;
const NEVER_REWRITTEN = /is never rewritten; only its review sign-off is recorded/;
const ONCE = /a sign-off names its clinician and time, and is recorded once/;

describe("the clinician's sign-off", () => {
  it("is still recorded on a session and on a reaction, and changes nothing else", () => {
    for (const [kind, table] of [["session", "home_sessions"], ["reaction", "reactions"]] as const) {
      const id = report(table, false);
      const before = stored(table, id);
      signOffReport(rivera(), kind, id);
      const after = stored(table, id);
      expect(after).toEqual({ ...before, reviewed_by: rivera().id, reviewed_at: expect.any(String) });
      expect(after.reviewed_at).not.toBeNull();
    }
  });

  it("is recorded once: never rewritten to another clinician, withdrawn or made without a name", () => {
    const signed = report("home_sessions", true);
    const waiting = report("reactions", false);
    const okafor = actorFor(db, "okafor@northside.test");
    expect(() => db.update(homeSessions).set({ reviewedBy: okafor.id }).where(eq(homeSessions.id, signed)).run()).toThrow(ONCE);
    expect(() => db.update(homeSessions).set({ reviewedBy: null, reviewedAt: null }).where(eq(homeSessions.id, signed)).run()).toThrow(ONCE);
    expect(() => db.update(reactions).set({ reviewedAt: new Date().toISOString() }).where(eq(reactions.id, waiting)).run()).toThrow(ONCE);
    expect(stored("reactions", waiting).reviewed_at).toBeNull();
  });
});

describe("a reported session", () => {
  const edits = {
    "needle length": { needleMm: 0.123 },
    notes: { notes: "rewritten" },
    "performed time": { performedAt: "2020-01-01T00:00:00.000Z" },
    area: { area: "tampered-area" },
    "off-plan flags": { flags: ["tampered"] },
    "who reported it": { onBehalf: true },
  } satisfies Record<string, Partial<typeof homeSessions.$inferInsert>>;

  for (const [what, set] of Object.entries(edits)) {
    it(`cannot have its ${what} changed`, () => {
      const id = report("home_sessions", false);
      expect(() => db.update(homeSessions).set(set).where(eq(homeSessions.id, id)).run()).toThrow(NEVER_REWRITTEN);
    });
  }

  it("may be written again unchanged: only a change is refused", () => {
    const id = report("home_sessions", false);
    const { area } = stored("home_sessions", id) as { area: string };
    expect(db.update(homeSessions).set({ area }).where(eq(homeSessions.id, id)).run().changes).toBe(1);
  });

  it("cannot be moved to another patient, even together with a sign-off", () => {
    const id = report("home_sessions", false);
    const other = anotherPatient("home_sessions", id);
    expect(() => db.update(homeSessions).set({ patientId: other }).where(eq(homeSessions.id, id)).run()).toThrow(NEVER_REWRITTEN);
    expect(() => db.update(homeSessions).set({ patientId: other, reviewedBy: rivera().id, reviewedAt: new Date().toISOString() }).where(eq(homeSessions.id, id)).run()).toThrow(NEVER_REWRITTEN);
  });
});

describe("a reported reaction", () => {
  it("cannot have its grade, symptoms, notes, time or patient changed", () => {
    const id = report("reactions", true);
    const edits: Partial<typeof reactions.$inferInsert>[] = [
      { maxGrade: 7 },
      { symptoms: [{ symptom: "tampered", grade: 0 }] },
      { notes: "tampered" },
      { reportedAt: "2020-01-01T00:00:00.000Z" },
      { patientId: anotherPatient("reactions", id) },
    ];
    const before = stored("reactions", id);
    for (const set of edits) expect(() => db.update(reactions).set(set).where(eq(reactions.id, id)).run()).toThrow(NEVER_REWRITTEN);
    expect(stored("reactions", id)).toEqual(before);
  });
});

describe("notes", () => {
  it("cannot be erased: a value set to NULL is a change too", () => {
    const id = report("reactions", true, "r.notes is not null");
    expect(() => db.update(reactions).set({ notes: null }).where(eq(reactions.id, id)).run()).toThrow(NEVER_REWRITTEN);
  });
});

describe("every column but the sign-off", () => {
  // Read from the table itself, so a column added later without a trigger update fails here.
  for (const table of Object.keys(TABLES) as TableName[]) {
    it(`of ${table} is frozen, a NULL included`, () => {
      const columns = (db.$client.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
      const frozen = columns.filter((c) => !REVIEW_COLUMNS.includes(c));
      expect(frozen.length).toBe(columns.length - 2);
      for (const id of [report(table, false), report(table, true)]) {
        for (const column of frozen) {
          // Always a different value: a NULL becomes '~', anything else gains a '~'.
          const tamper = db.$client.prepare(`update ${table} set "${column}" = coalesce("${column}" || '~', '~') where id = ?`);
          expect(() => tamper.run(id), `${table}.${column}`).toThrow(NEVER_REWRITTEN);
        }
      }
    });
  }
});
