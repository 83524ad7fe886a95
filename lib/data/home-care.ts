import "server-only";
import { count, desc, eq, sql } from "drizzle-orm";
import { getDb, preparedOnce } from "@/db";
import { clinics, homeSessions, patients, users } from "@/db/schema";
import { requirePatientAccess } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/types";
import { nextAllowedInArea, spacingWindowDays, type AreaSession, type SpacingReason, type SpacingRules } from "@/lib/domain/session-flags";
import { recordPatientRead } from "./audit";
import { clinicTimeZone } from "./clock";
import { loadClinicSettings } from "./internal/clinic-settings";
import { loadCurrentPlan } from "./internal/plans";
import { currentPause, lastClearedPauseAt, openHolds } from "./internal/holds";
import { lastSessionByArea } from "./internal/sessions";
import { recentInArea } from "./internal/spacing";
import type { PlanVersionDto } from "./plans";
import type { PauseReason } from "@/lib/domain/holds";

export type { PauseReason };
export type PauseDto = { reason: PauseReason; since: string; alertId: string | null; items: string[] };
/** Why an area may not be used now: its spacing, or the pause (`paused_warning_sign`, …). */
export type AreaReason = SpacingReason | `paused_${PauseReason}`;

export type HomeCare = {
  /** When the server produced this; client caches key on it so a fresher page render always wins. */
  generatedAt: string;
  /** The clinic's time zone, so the browser judges expiry on the same calendar as the server. */
  timeZone: string;
  patient: { id: string; name: string; clinicianName: string };
  plan: PlanVersionDto | null;
  /** The clinic's spacing rules, so the session form warns with the server's own rule. */
  spacing: SpacingRules;
  /**
   * Home microneedling is stopped for every area until a clinician clears it (the oldest open pause).
   * While paused every area is `allowed: false` with `nextAllowedAt: null` and the pause as its reason.
   */
  pause: PauseDto | null;
  /** When a clinician last cleared a pause (no pause open now): the portal says so. */
  lastClearedAt: string | null;
  /** The clinic's phone, for "Stop microneedling and contact your clinic". */
  clinicPhone: string | null;
  /**
   * Per area of the plan: the last session, whether a session is allowed now, the earliest next one
   * (null with `allowed: false`: not until the pause is cleared), and why.
   */
  areas: { area: string; maxNeedleMm: number; lastSessionAt: string | null; allowed: boolean; nextAllowedAt: string | null; nextAllowedReasons: AreaReason[] }[];
  lastSessionByArea: Record<string, AreaSession>;
  sessionCount: number;
  recentSessions: { id: string; performedAt: string; area: string; needleMm: number }[];
};

const DAY_MS = 86_400_000;
const RECENT_SESSIONS = 10;

// Every portal visit runs these: prepared once per connection.
const byPatient = eq(homeSessions.patientId, sql.placeholder("patientId"));
const patientQuery = preparedOnce((db) =>
  db
    .select({ id: patients.id, name: patients.name, clinicianName: users.name, clinicPhone: clinics.phone })
    .from(patients)
    .innerJoin(users, eq(users.id, patients.responsibleClinicianId))
    .innerJoin(clinics, eq(clinics.id, patients.clinicId))
    .where(eq(patients.id, sql.placeholder("patientId")))
    .prepare(),
);
const sessionCountQuery = preparedOnce((db) => db.select({ count: count() }).from(homeSessions).where(byPatient).prepare());
const recentSessionsQuery = preparedOnce((db) =>
  db
    .select({ id: homeSessions.id, performedAt: homeSessions.performedAt, area: homeSessions.area, needleMm: homeSessions.needleMm })
    .from(homeSessions)
    .where(byPatient)
    .orderBy(desc(homeSessions.performedAt))
    .limit(RECENT_SESSIONS)
    .prepare(),
);

/** What the portal (and a clinician recording on a patient's behalf) needs to know right now. */
export function getHomeCare(actor: Actor, patientId: string, now = new Date()): HomeCare {
  const scope = requirePatientAccess(actor, patientId);
  const db = getDb();
  const { clinicPhone, ...patient } = patientQuery(db).get({ patientId: scope.id })!;
  const plan = loadCurrentPlan(scope.id, db);
  const pause = currentPause(openHolds(db, scope.id));
  const settings = loadClinicSettings(scope.clinicId, db);
  const spacing: SpacingRules = { intervalFloors: settings.intervalFloors, rednessExtraSpacingDays: settings.rednessExtraSpacingDays };
  const last = lastSessionByArea(db, scope.id);
  const approvedNow = plan?.status === "approved";
  // No spacing rule reaches back further than the spacing window, counted in clinic days (one more day
  // covers the part of today already gone).
  const since = new Date(now.getTime() - (spacingWindowDays([plan], spacing) + 1) * DAY_MS).toISOString();
  const timeZone = clinicTimeZone();
  recordPatientRead(actor, scope.id, "home_care");
  return {
    generatedAt: now.toISOString(),
    timeZone,
    patient,
    plan,
    spacing,
    pause,
    lastClearedAt: pause ? null : lastClearedPauseAt(db, scope.id),
    clinicPhone,
    areas: approvedNow
      ? plan.areas.map((a) => {
          const lastSessionAt = last[a.area]?.performedAt ?? null;
          // A pause stops every area whatever its spacing: "not until the clinic clears you", never "now".
          if (pause) return { ...a, lastSessionAt, allowed: false, nextAllowedAt: null, nextAllowedReasons: [`paused_${pause.reason}` as const] };
          const next = nextAllowedInArea(recentInArea(db, scope.id, a.area, since), a.area, plan, spacing, now, timeZone);
          return { ...a, lastSessionAt, allowed: next.at === null, nextAllowedAt: next.at, nextAllowedReasons: next.reasons };
        })
      : [],
    lastSessionByArea: last,
    sessionCount: sessionCountQuery(db).get({ patientId: scope.id })?.count ?? 0,
    recentSessions: recentSessionsQuery(db).all({ patientId: scope.id }),
  };
}
