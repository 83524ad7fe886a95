import { parse } from "csv-parse/sync";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { auditEvents, homeSessions, patients, reactions } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { csvStream, type CsvFile } from "@/lib/csv";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { actorFor, patientIdByName } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { EXPORT_PAGE_ROWS } from "./internal/export-rows";
import { exportClinicCsv, exportPatientCsv } from "./record-export";
import { preparedDuring } from "@/test/prepared-statements";

let db: Db;
let close: () => void;
let rivera: Actor, admin: Actor, chen: Actor, lee: Actor, patel: Actor;
let leeId: string, patelId: string;
beforeAll(async () => {
  ({ db, close } = await useSeededTestDatabase());
  rivera = actorFor(db, "rivera@northside.test");
  admin = actorFor(db, "admin@northside.test");
  chen = actorFor(db, "chen@southbay.test");
  lee = actorFor(db, "lee@patient.test");
  patel = actorFor(db, "patel@patient.test");
  leeId = patientIdByName(db, "Jordan Lee");
  patelId = patientIdByName(db, "Priya Patel");
});
afterAll(() => close());

/** What a client receives: the file written by the app's CSV writer, parsed back by csv-parse. */
async function download(file: CsvFile): Promise<Record<string, string>[]> {
  const bytes = await new Response(csvStream(file.header, file.rows)).arrayBuffer();
  return parse(Buffer.from(bytes), { bom: true, columns: true }) as Record<string, string>[];
}

const lastAudit = () => db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get()!;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// First: each query is prepared once per connection, on first use, and this test watches the preparing.
describe("the export queries", () => {
  it("read through the indexes, never a scan of a whole table", async () => {
    const statements = await preparedDuring(
      db,
      async () => {
        await download(exportClinicCsv(admin, "sessions"));
        await download(exportClinicCsv(admin, "reactions"));
      },
      "x",
    );
    const steps = statements.filter(({ sql }) => /^select/i.test(sql) && /home_sessions|reactions|patients/.test(sql)).flatMap(({ plan }) => plan);
    expect(steps.length).toBeGreaterThan(4);
    expect(steps.filter((step) => /^SCAN/.test(step))).toEqual([]);
    // Rows of one instant may be put in id order; the whole page is never sorted.
    expect(steps.filter((step) => /TEMP B-TREE FOR ORDER BY/.test(step))).toEqual([]);
  });
});

describe("a patient's CSV", () => {
  it("holds every session of the patient, oldest first, with UTC instants and the clinic's date", async () => {
    const rows = await download(exportPatientCsv(rivera, leeId, "sessions"));
    const stored = db.select({ id: homeSessions.id }).from(homeSessions).where(eq(homeSessions.patientId, leeId)).all();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.map((r) => r.session_id).sort()).toEqual(stored.map((s) => s.id).sort());
    const times = rows.map((r) => r.performed_at_utc!);
    expect(times.every((t) => ISO_UTC.test(t))).toBe(true);
    expect([...times].sort()).toEqual(times);
    // The test server's clinic is in UTC: the calendar date is the instant's.
    expect(rows.every((r) => r.performed_on === r.performed_at_utc!.slice(0, 10))).toBe(true);
    expect(rows[0]).toMatchObject({ area: expect.any(String), needle_mm: expect.stringMatching(/^\d(\.\d+)?$/), sanitized: expect.stringMatching(/^(true|false)$/) });
  });

  it("grades each symptom in its own column", async () => {
    const rows = await download(exportPatientCsv(rivera, leeId, "reactions"));
    const stored = db.select().from(reactions).where(eq(reactions.patientId, leeId)).all();
    expect(rows).toHaveLength(stored.length);
    const first = stored.find((r) => r.id === rows[0]!.reaction_id)!;
    for (const { symptom, grade } of first.symptoms) expect(rows[0]![`${symptom}_grade`]).toBe(String(grade));
    expect(rows[0]!.max_grade).toBe(String(first.maxGrade));
    expect(ISO_UTC.test(rows[0]!.noticed_at_utc!)).toBe(true);
  });

  it("is audited as an export, with its kind and row count", async () => {
    const file = exportPatientCsv(rivera, leeId, "reactions");
    const audit = lastAudit();
    expect(audit).toMatchObject({ action: "patient.export_csv", outcome: "success", actorId: rivera.id, patientId: leeId });
    expect(JSON.parse(audit.detail!)).toEqual({ kind: "reactions", rows: (await download(file)).length });
  });

  it("is the patient's own to download, and names no patient in its filename", () => {
    const file = exportPatientCsv(lee, leeId, "sessions");
    expect(file.filename).toMatch(new RegExp(`^dermaplan-sessions-${leeId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(lastAudit()).toMatchObject({ action: "patient.export_csv", actorId: lee.id, actorRole: "patient", patientId: leeId });
  });

  it("is refused (404) to another patient and to another clinic's staff, and no export is recorded", () => {
    for (const [actor, patientId] of [[patel, leeId], [lee, patelId], [chen, leeId]] as const) {
      const before = lastAudit().id;
      expect(() => exportPatientCsv(actor, patientId, "sessions")).toThrow(NotFoundError);
      const written = db.select().from(auditEvents).where(eq(auditEvents.actorId, actor.id)).orderBy(desc(auditEvents.id)).all().filter((a) => a.id > before);
      expect(written.map((a) => a.action)).toEqual(["patient.access_denied"]);
    }
  });

  it("reads back notes with commas, quotes, line breaks and unicode; a formula stays text", async () => {
    const { id: patientId } = db.insert(patients).values({ clinicId: rivera.clinicId, responsibleClinicianId: rivera.id, mrn: "CSV-NOTES", name: "Notes Test", dateOfBirth: "1990-01-01", skinType: 2 }).returning().get();
    const notes = ['Redness, then "tight"\nnext day', "Zoë: 林 🙂", "=HYPERLINK(\"http://x\")"];
    notes.forEach((note, i) =>
      db.insert(homeSessions).values({ patientId, performedAt: `2026-01-0${i + 1}T09:00:00.000Z`, area: "face", needleMm: 0.25, device: "pen", sanitized: true, notes: note, flags: [], reportedBy: rivera.id }).run(),
    );
    const rows = await download(exportPatientCsv(rivera, patientId, "sessions"));
    expect(rows.map((r) => r.notes)).toEqual([notes[0], notes[1], `'${notes[2]}`]);
  });

  it("pages by key: a long history comes out whole, once each, even with sessions at the same instant", async () => {
    const { id: patientId } = db.insert(patients).values({ clinicId: rivera.clinicId, responsibleClinicianId: rivera.id, mrn: "CSV-LONG", name: "Long History", dateOfBirth: "1990-01-01", skinType: 2 }).returning().get();
    const total = EXPORT_PAGE_ROWS * 2 + 37;
    const values = Array.from({ length: total }, (_, i) => ({
      patientId,
      // Three sessions share each instant, so page boundaries fall inside a tie.
      performedAt: new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 3) * 86_400_000).toISOString(),
      area: "face",
      needleMm: 0.25,
      device: "roller" as const,
      sanitized: true,
      flags: [],
      reportedBy: rivera.id,
    }));
    for (let i = 0; i < values.length; i += 200) db.insert(homeSessions).values(values.slice(i, i + 200)).run();
    const rows = await download(exportPatientCsv(rivera, patientId, "sessions"));
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.session_id)).size).toBe(total);
    expect(JSON.parse(lastAudit().detail!)).toEqual({ kind: "sessions", rows: total });
  });
});

describe("the clinic's CSV", () => {
  it("is the admin's: clinicians are refused (403)", () => {
    expect(() => exportClinicCsv(rivera, "sessions")).toThrow(ForbiddenError);
    expect(() => exportClinicCsv(lee, "reactions")).toThrow(ForbiddenError);
  });

  it("holds every session of the admin's clinic and none of another's, each with patient id and MRN", async () => {
    const rows = await download(exportClinicCsv(admin, "sessions"));
    const clinic = db.select({ id: patients.id, mrn: patients.mrn }).from(patients).where(eq(patients.clinicId, admin.clinicId)).all();
    const mrnOf = new Map(clinic.map((p) => [p.id, p.mrn]));
    const stored = db.select({ id: homeSessions.id }).from(homeSessions).innerJoin(patients, eq(patients.id, homeSessions.patientId)).where(eq(patients.clinicId, admin.clinicId)).all();
    expect(rows).toHaveLength(stored.length);
    expect(rows.every((r) => mrnOf.get(r.patient_id!) === r.patient_mrn)).toBe(true);
    expect(JSON.parse(lastAudit().detail!)).toEqual({ kind: "sessions", rows: stored.length });
    expect(lastAudit()).toMatchObject({ action: "clinic.export_csv", actorId: admin.id, clinicId: admin.clinicId, patientId: null });
  });

  it("walks the clinic patient by patient, past a page of patients", async () => {
    const clinicPatients = db.select({ id: patients.id }).from(patients).where(eq(patients.clinicId, chen.clinicId)).all().length;
    const southBayAdmin = { ...chen, role: "admin" as const };
    const added = 205;
    for (let i = 0; i < added; i += 1) {
      const { id } = db.insert(patients).values({ clinicId: chen.clinicId, responsibleClinicianId: chen.id, mrn: `BULK-${String(i).padStart(4, "0")}`, name: `Bulk ${i}`, dateOfBirth: "1990-01-01", skinType: 3 }).returning().get();
      db.insert(reactions).values({ patientId: id, area: "face", reportedAt: "2026-02-01T10:00:00.000Z", symptoms: [{ symptom: "erythema", grade: 1 }], maxGrade: 1, reportedBy: chen.id }).run();
    }
    expect(clinicPatients + added).toBeGreaterThan(200);
    const rows = await download(exportClinicCsv(southBayAdmin, "reactions"));
    const bulk = rows.filter((r) => r.patient_mrn!.startsWith("BULK-"));
    expect(bulk).toHaveLength(added);
    expect(bulk.every((r) => r.erythema_grade === "1" && r.pain_grade === "")).toBe(true);
  });
});
