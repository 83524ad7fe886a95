import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { homeSessions, patients, users } from "@/db/schema";
import { requirePatientAccess } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/types";
import { nextAllowedAt } from "@/lib/domain/session-flags";
import { recordPatientRead } from "./audit";
import { clinicTimeZone } from "./clock";
import { loadCurrentPlan, type PlanVersionDto } from "./plans";
import { lastSessionByArea } from "./sessions";

export type HomeCare = {
  /** When the server produced this; client caches key on it so a fresher page render always wins. */
  generatedAt: string;
  /** The clinic's time zone, so the browser judges expiry on the same calendar as the server. */
  timeZone: string;
  patient: { id: string; name: string; clinicianName: string };
  plan: PlanVersionDto | null;
  /** Per area of the plan: the last session and the earliest next one (null: allowed now). */
  areas: { area: string; maxNeedleMm: number; lastSessionAt: string | null; nextAllowedAt: string | null }[];
  lastSessionByArea: Record<string, string>;
  sessionCount: number;
  recentSessions: { id: string; performedAt: string; area: string; needleMm: number }[];
};

/** What the portal (and a clinician recording on a patient's behalf) needs to know right now. */
export function getHomeCare(actor: Actor, patientId: string, now = new Date()): HomeCare {
  const scope = requirePatientAccess(actor, patientId);
  const db = getDb();
  const patient = db
    .select({ id: patients.id, name: patients.name, clinicianName: users.name })
    .from(patients)
    .innerJoin(users, eq(users.id, patients.responsibleClinicianId))
    .where(eq(patients.id, scope.id))
    .get()!;
  const plan = loadCurrentPlan(scope.id, db);
  const last = lastSessionByArea(db, scope.id);
  const approvedNow = plan?.status === "approved";
  recordPatientRead(actor, scope.id, "home_care");
  return {
    generatedAt: now.toISOString(),
    timeZone: clinicTimeZone(),
    patient,
    plan,
    areas: approvedNow
      ? plan.areas.map((a) => ({
          ...a,
          lastSessionAt: last[a.area] ?? null,
          nextAllowedAt: nextAllowedAt(last[a.area] ?? null, plan.minIntervalDays, now),
        }))
      : [],
    lastSessionByArea: last,
    sessionCount: db.select({ n: count() }).from(homeSessions).where(eq(homeSessions.patientId, scope.id)).get()?.n ?? 0,
    recentSessions: db
      .select({ id: homeSessions.id, performedAt: homeSessions.performedAt, area: homeSessions.area, needleMm: homeSessions.needleMm })
      .from(homeSessions)
      .where(eq(homeSessions.patientId, scope.id))
      .orderBy(desc(homeSessions.performedAt))
      .limit(10)
      .all(),
  };
}
