import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clinics, patients } from "@/db/schema";
import type { Db } from "@/db/connection";
import type { Actor } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { actorFor as actorForAccount } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { patientListQuerySchema } from "@/lib/validation/patients";
import { getPatient, listPatients } from "./patients";

let db: Db;
let close: () => void;
const actors: Record<string, Actor> = {};

const actorFor = (email: string): Actor => actorForAccount(db, email);

function patientId(name: string): string {
  return db.select({ id: patients.id }).from(patients).where(eq(patients.name, name)).get()!.id;
}

beforeAll(async () => {
  ({ db, close } = await useSeededTestDatabase());
  for (const email of ["rivera@northside.test", "chen@southbay.test", "lee@patient.test"]) actors[email] = actorFor(email);
});
afterAll(() => close());

describe("listPatients", () => {
  it("returns only the actor's clinic, sorted by name, with totals", () => {
    const page = listPatients(actors["rivera@northside.test"]!, patientListQuerySchema.parse({ page: 1, pageSize: 100 }));
    expect(page.total).toBe(26);
    expect(page.items.find((p) => p.name === "Jordan Lee")).toMatchObject({ planStatus: "approved", maxNeedleMm: 0.5 });
    expect(page.items.every((p) => p.mrn.startsWith("NS-"))).toBe(true);
    const names = page.items.map((p) => p.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it("matches name or MRN, case-insensitively, with wildcards taken literally", () => {
    const rivera = actors["rivera@northside.test"]!;
    expect(listPatients(rivera, patientListQuerySchema.parse({ q: "PRIYA", page: 1, pageSize: 20 })).items.map((p) => p.name)).toEqual(["Priya Patel"]);
    expect(listPatients(rivera, patientListQuerySchema.parse({ q: "ns-100001", page: 1, pageSize: 20 })).items.map((p) => p.name)).toEqual(["Jordan Lee"]);
    expect(listPatients(rivera, patientListQuerySchema.parse({ q: "_", page: 1, pageSize: 20 })).total).toBe(0);
  });

  it("pages without overlap", () => {
    const rivera = actors["rivera@northside.test"]!;
    const first = listPatients(rivera, patientListQuerySchema.parse({ page: 1, pageSize: 20 })).items.map((p) => p.id);
    const second = listPatients(rivera, patientListQuerySchema.parse({ page: 2, pageSize: 20 })).items.map((p) => p.id);
    expect(second).toHaveLength(6);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
  });

  it("refuses patients", () => {
    expect(() => listPatients(actors["lee@patient.test"]!, patientListQuerySchema.parse({ page: 1, pageSize: 20 }))).toThrow(ForbiddenError);
  });
});

describe("getPatient", () => {
  it("answers 404 for another clinic's patient, an unknown id and a malformed id", () => {
    const chen = actors["chen@southbay.test"]!;
    expect(() => getPatient(chen, patientId("Jordan Lee"))).toThrow(NotFoundError);
    expect(() => getPatient(chen, crypto.randomUUID())).toThrow(NotFoundError);
    expect(() => getPatient(chen, "1 or 1=1")).toThrow(NotFoundError);
  });

  it("audits refused access without naming the other clinic's patient", () => {
    const chen = actors["chen@southbay.test"]!;
    const jordan = patientId("Jordan Lee");
    expect(() => getPatient(chen, jordan)).toThrow(NotFoundError);
    const row = db.select().from(auditEvents).where(eq(auditEvents.action, "patient.access_denied")).all().at(-1)!;
    expect(row).toMatchObject({ actorId: chen.id, outcome: "denied", patientId: null, clinicId: chen.clinicId });
    expect(JSON.parse(row.detail!)).toEqual({ resource: "patient", requestedId: jordan, reason: "not_in_scope" });
  });

  it("lets a patient read only their own record, unaudited", () => {
    const lee = actors["lee@patient.test"]!;
    expect(getPatient(lee, patientId("Jordan Lee")).name).toBe("Jordan Lee");
    expect(() => getPatient(lee, patientId("Priya Patel"))).toThrow(NotFoundError);
  });

  it("audits every staff read of a record", () => {
    const rivera = actors["rivera@northside.test"]!;
    const id = patientId("Priya Patel");
    const before = db.select().from(auditEvents).where(eq(auditEvents.patientId, id)).all().length;
    const patient = getPatient(rivera, id);
    expect(patient).toMatchObject({ name: "Priya Patel", mrn: "NS-100002", skinType: 4, hasPortalAccount: true });
    const rows = db.select().from(auditEvents).where(eq(auditEvents.patientId, id)).all();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ action: "patient.read", actorId: rivera.id, outcome: "success", ip: "127.0.0.1" });
  });
});

describe("the database itself", () => {
  it("rejects UPDATE and DELETE on the audit trail", () => {
    expect(() => db.update(auditEvents).set({ outcome: "failure" }).where(eq(auditEvents.id, 1)).run()).toThrow(/append-only/);
    expect(() => db.delete(auditEvents).where(eq(auditEvents.id, 1)).run()).toThrow(/append-only/);
  });

  it("enforces one MRN per clinic and valid skin types", () => {
    const clinic = db.select().from(clinics).where(eq(clinics.name, "Northside Dermatology")).get()!;
    const base = { clinicId: clinic.id, responsibleClinicianId: actors["rivera@northside.test"]!.id, name: "X", dateOfBirth: "2000-01-01" };
    expect(() => db.insert(patients).values({ ...base, mrn: "NS-100001", skinType: 2 }).run()).toThrow(/UNIQUE/);
    expect(() => db.insert(patients).values({ ...base, mrn: "NS-999999", skinType: 7 }).run()).toThrow(/CHECK/);
  });

  it("runs with WAL, foreign keys and synchronous=FULL", () => {
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("synchronous", { simple: true })).toBe(2);
  });
});
