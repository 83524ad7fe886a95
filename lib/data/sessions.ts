import "server-only";
import { count, desc, eq, sql } from "drizzle-orm";
import { getDb, preparedOnce, writeTransaction, type Reader } from "@/db";
import { alerts, homeSessions, users } from "@/db/schema";
import { requirePatientAccess } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/types";
import { sessionAlert } from "@/lib/domain/alert-rules";
import { describeFlag, evaluateSession, spacingWindowDays, type SessionFlag } from "@/lib/domain/session-flags";
import type { SessionReportInput } from "@/lib/validation/reports";
import { recordAudit, recordPatientRead } from "./audit";
import { clinicTimeZone } from "./clock";
import { loadClinicSettings } from "./internal/clinic-settings";
import { blockingItemsAt } from "./internal/contraindications";
import { pauseAt } from "./internal/holds";
import { relinkReactions } from "./internal/relink";
import { loadPlansInForce } from "./internal/plan-in-force";
import { neighboursInArea } from "./internal/spacing";


export type SessionDto = {
  id: string;
  performedAt: string;
  area: string;
  needleMm: number;
  device: string;
  sanitized: boolean;
  patchTestDone: boolean | null;
  notes: string | null;
  flags: SessionFlag[];
  planVersion: number | null;
  reportedBy: { id: string; name: string; onBehalf: boolean };
  createdAt: string;
  reviewedAt: string | null;
};

const columns = {
  id: homeSessions.id,
  performedAt: homeSessions.performedAt,
  area: homeSessions.area,
  needleMm: homeSessions.needleMm,
  device: homeSessions.device,
  sanitized: homeSessions.sanitized,
  patchTestDone: homeSessions.patchTestDone,
  notes: homeSessions.notes,
  flags: homeSessions.flags,
  planVersion: homeSessions.planVersion,
  createdAt: homeSessions.createdAt,
  reviewedAt: homeSessions.reviewedAt,
  onBehalf: homeSessions.onBehalf,
  reporterId: users.id,
  reporterName: users.name,
};

function selectSessions(db: Reader) {
  return db.select(columns).from(homeSessions).innerJoin(users, eq(users.id, homeSessions.reportedBy));
}

function toDto({ onBehalf, reporterId, reporterName, flags, ...row }: Awaited<ReturnType<ReturnType<typeof selectSessions>["all"]>>[number]): SessionDto {
  return { ...row, flags: flags as SessionFlag[], reportedBy: { id: reporterId, name: reporterName, onBehalf } };
}

function loadSession(db: Reader, sessionId: string): SessionDto | undefined {
  const row = sessionByIdQuery(db).get({ sessionId });
  return row && toDto(row);
}

// Every session report answers with the stored row: prepared once per connection.
const sessionByIdQuery = preparedOnce((db) => selectSessions(db).where(eq(homeSessions.id, sql.placeholder("sessionId"))).prepare());

/**
 * Stores a reported session whatever it says (a report is a fact), flags it against the plan in force
 * when it was performed and the sessions either side of it in the same area, and raises an alert for a
 * flagged session in the same transaction.
 */
/** A session as just reported, with each flag explained against the plan version it was judged by. */
export type LoggedSession = SessionDto & { flagNotes: string[] };

export function logSession(actor: Actor, patientId: string, input: SessionReportInput): LoggedSession {
  const scope = requirePatientAccess(actor, patientId);
  const timeZone = clinicTimeZone();
  return writeTransaction((tx) => {
    const plans = loadPlansInForce(tx, scope.id, input.performedAt);
    const settings = loadClinicSettings(scope.clinicId, tx);
    // A blocking item the plan in force overrode was weighed by the clinician; any other is a danger whatever the plan.
    const overridden = new Set(plans.flatMap((p) => (p?.decision === "approved" ? p.overriddenItems : [])));
    const { flags, tooClose } = evaluateSession(input, {
      plans,
      ...neighboursInArea(tx, scope.id, input.area, input.performedAt, spacingWindowDays(plans, settings)),
      intervalFloors: settings.intervalFloors,
      rednessExtraSpacingDays: settings.rednessExtraSpacingDays,
      timeZone,
      paused: pauseAt(tx, scope.id, input.performedAt) !== null,
      blockingItems: blockingItemsAt(tx, scope.id, settings, input.performedAt, timeZone).filter((item) => !overridden.has(item)),
    });
    const onBehalf = actor.role !== "patient";
    const { id } = tx
      .insert(homeSessions)
      .values({ ...input, patientId: scope.id, flags, planVersion: plans.at(-1)?.version ?? null, reportedBy: actor.id, onBehalf })
      .returning({ id: homeSessions.id })
      .get();
    // A reaction reported before this session was logged, linked by its area to an older one, now follows this one.
    const relinked = relinkReactions(tx, actor, scope, { id, area: input.area, performedAt: input.performedAt });
    // Earlier sessions keep the flags they were reported with; the alert names the neighbour instead.
    const alert = sessionAlert(flags, input, tooClose, timeZone);
    if (alert) {
      tx.insert(alerts).values({ ...alert, clinicId: scope.clinicId, patientId: scope.id, sessionId: id, relatedSessionId: tooClose[0]?.id ?? null }).run();
    }
    recordAudit(tx, {
      action: "session.report",
      outcome: "success",
      actor,
      patientId: scope.id,
      detail: { after: { id, area: input.area, needleMm: input.needleMm, performedAt: input.performedAt, flags, onBehalf, ...(relinked ? { relinkedReactions: relinked } : {}) } },
    });
    // The version stored on the session (the latest judged against) explains its flags, not today's plan.
    const judgedBy = plans.at(-1) ?? null;
    return { ...loadSession(tx, id)!, flagNotes: flags.map((flag) => describeFlag(flag, input, judgedBy)) };
  });
}

// The session list runs on every patient chart and portal history view: prepared once per connection.
const ofPatient = eq(homeSessions.patientId, sql.placeholder("patientId"));
const sessionCountQuery = preparedOnce((db) => db.select({ n: count() }).from(homeSessions).where(ofPatient).prepare());
const sessionPageQuery = preparedOnce((db) =>
  selectSessions(db).where(ofPatient).orderBy(desc(homeSessions.performedAt)).limit(sql.placeholder("limit")).offset(sql.placeholder("offset")).prepare(),
);

export function listSessions(actor: Actor, patientId: string, paging: { page: number; pageSize: number }): { items: SessionDto[]; total: number } {
  const scope = requirePatientAccess(actor, patientId);
  const db = getDb();
  const total = sessionCountQuery(db).get({ patientId: scope.id })?.n ?? 0;
  const items = sessionPageQuery(db)
    .all({ patientId: scope.id, limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize })
    .map(toDto);
  recordPatientRead(actor, scope.id, "sessions");
  return { items, total };
}
