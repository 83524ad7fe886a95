import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { patients, planVersions } from "@/db/schema";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { addDays, todayIso } from "@/lib/domain/dates";
import { patientListQuerySchema } from "@/lib/validation/patients";
import { countPatientsByPlanStatus, createPatient, listPatients, updatePatient } from "./patients";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const rivera = () => actorFor(db, "rivera@northside.test");
const total = (q: Record<string, string> = {}) => listPatients(rivera(), patientListQuerySchema.parse(q)).total;
const newPatient = (name: string, mrn: string) => createPatient(rivera(), { name, mrn, dateOfBirth: "1990-01-01", skinType: 2, responsibleClinicianId: rivera().id }).id;

/** The roster's counts are reused between requests: every change to what they count must show at once. */
describe("the roster's cached counts", () => {
  it("follow a new patient, a rename and a new MRN", () => {
    const [all, searched] = [total(), total({ q: "Quintana" })];
    const id = newPatient("Rosa Quintana", "NS-CACHE-1");
    expect([total(), total({ q: "Quintana" })]).toEqual([all + 1, searched + 1]);
    updatePatient(rivera(), id, { name: "Rosa Marquez" });
    expect([total({ q: "Quintana" }), total({ q: "Marquez" })]).toEqual([searched, 1]);
    updatePatient(rivera(), id, { mrn: "NS-CACHE-2" });
    expect([total({ q: "NS-CACHE-1" }), total({ q: "NS-CACHE-2" })]).toEqual([0, 1]);
  });

  it("follow a plan decision, through the trigger that keeps the patient's current decision", () => {
    const id = newPatient("Tomas Decided", "NS-CACHE-3");
    const before = countPatientsByPlanStatus(rivera());
    const approved = total({ status: "approved" });
    db.insert(planVersions)
      .values({ patientId: id, version: 1, decision: "approved", areas: [{ area: "face", maxNeedleMm: 0.5 }], maxNeedleMm: 0.5, minIntervalDays: 7, reviewBy: addDays(todayIso(), 30), decidedBy: rivera().id, decidedAt: new Date().toISOString() })
      .run();
    expect(total({ status: "approved" })).toBe(approved + 1);
    expect(countPatientsByPlanStatus(rivera())).toEqual({ ...before, pending: before.pending - 1, approved: before.approved + 1 });
  });

  it("follow a write by another process on the same file", () => {
    const all = total();
    const other = new Database(db.$client.name);
    const template = other.prepare("select clinic_id, responsible_clinician_id from patients where mrn like 'NS-%' limit 1").get() as { clinic_id: string; responsible_clinician_id: string };
    other
      .prepare(`insert into patients (id, clinic_id, responsible_clinician_id, mrn, name, date_of_birth, skin_type, created_at, updated_at)
        values (lower(hex(randomblob(16))), ?, ?, 'NS-OTHER', 'Other Process', '1990-01-01', 3, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ'))`)
      .run(template.clinic_id, template.responsible_clinician_id);
    other.close();
    expect(total()).toBe(all + 1);
  });

  it("are not kept from inside a transaction that rolls back", () => {
    const all = total();
    expect(() =>
      db.transaction((tx) => {
        tx.insert(patients).values({ clinicId: rivera().clinicId, responsibleClinicianId: rivera().id, mrn: "NS-ROLLED", name: "Rolled Back", dateOfBirth: "1990-01-01", skinType: 2 }).run();
        expect(total()).toBe(all + 1);
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(total()).toBe(all);
  });

  it("stay put when nothing they count changed", () => {
    const version = () => db.$client.prepare("select version from roster_versions where clinic_id = ?").pluck().get(rivera().clinicId);
    const id = db.select({ id: patients.id }).from(patients).where(eq(patients.clinicId, rivera().clinicId)).get()!.id;
    const before = version();
    updatePatient(rivera(), id, { skinType: 4 });
    expect(version()).toBe(before);
    updatePatient(rivera(), id, { name: "Renamed Once" });
    expect(version()).toBe((before as number) + 1);
  });
});
