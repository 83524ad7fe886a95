import { count, eq } from "drizzle-orm";
import type { Tx } from "@/db/connection";
import { homeSessions, patients, users } from "@/db/schema";
import { generatedPatients, NORTHSIDE } from "./demo-data";
import { GENERATED_REPORT_STORIES } from "./report-stories";

export function hasStory(mrn: string): boolean {
  const generated = generatedPatients().filter((p) => p.clinic === NORTHSIDE);
  const index = generated.findIndex((p) => p.mrn === mrn);
  return index >= 0 && Boolean(GENERATED_REPORT_STORIES[index]);
}

export function hasSessions(tx: Tx, patientId: string): boolean {
  return (tx.select({ n: count() }).from(homeSessions).where(eq(homeSessions.patientId, patientId)).get()?.n ?? 0) > 0;
}

/** The patient's portal account, created from their name when they have none (demo stories only). */
export function ensurePortalAccount(tx: Tx, patientId: string, passwordHash: string | undefined): string {
  const patient = tx.select({ name: patients.name, userId: patients.userId, clinicId: patients.clinicId }).from(patients).where(eq(patients.id, patientId)).get()!;
  if (patient.userId) return patient.userId;
  const email = `${patient.name.toLowerCase().replace(/[^a-z]+/g, ".")}@patient.test`;
  const user =
    tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get() ??
    tx.insert(users).values({ email, name: patient.name, role: "patient", clinicId: patient.clinicId, passwordHash: passwordHash ?? null }).returning({ id: users.id }).get();
  tx.update(patients).set({ userId: user.id }).where(eq(patients.id, patientId)).run();
  return user.id;
}
