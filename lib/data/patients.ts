import "server-only";
import { and, asc, count, eq, gte, isNotNull, isNull, lt, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, preparedByKey, preparedOnce, writeTransaction, type Tx } from "@/db";
import { careHolds, patients, planVersions, users } from "@/db/schema";
import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import type { PlanStatus } from "@/lib/domain/clinical";
import { addDays } from "@/lib/domain/dates";
import { clinicToday } from "./clock";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { PatientCreateInput, PatientListQuery, PatientUpdateInput } from "@/lib/validation/patients";
import { offsetOf, pageOf, type Page } from "./page";
import { recordAudit, recordPatientRead } from "./audit";
import { recordListRead } from "./audit-reads";
import { currentPause, openHolds } from "./internal/holds";
import { loadCurrentPlan, previousApprovalAt } from "./internal/plans";
import { rosterCached } from "./internal/roster-cache";
import { loadLatestScreening } from "./internal/screenings";
import type { PauseDto } from "./home-care";
import type { PlanVersionDto } from "./plans";
import type { ScreeningDto } from "./screenings";

export type { PlanStatus };

export type PatientSummary = {
  id: string;
  name: string;
  mrn: string;
  dateOfBirth: string;
  skinType: number;
  responsibleClinician: { id: string; name: string };
  planStatus: PlanStatus;
  maxNeedleMm: number | null;
  reviewBy: string | null;
  /** Something waits for a clinician: an open pause or review hold (lib/data/internal/holds.ts). */
  needsReview: boolean;
  /** Home microneedling is paused (a warning sign, a new contraindication, a health change) until a clinician clears it. */
  paused: boolean;
};

export type PatientDetail = PatientSummary & {
  clinicId: string;
  /** Whether the patient can sign in to the portal: never invited, invited (link not used yet), active. */
  portalAccount: "none" | "invited" | "active";
  hasPortalAccount: boolean;
  /** How staff reach the patient (null: none on record). */
  phone: string | null;
  /** The pause in force (the oldest open one), or null. */
  pause: PauseDto | null;
  createdAt: string;
  updatedAt: string;
  currentPlan: PlanVersionDto | null;
  screening: ScreeningDto | null;
  /** When the latest approval was decided: the plan editor's screening freshness rule needs it. */
  lastApprovedAt: string | null;
};

const clinician = alias(users, "clinician");
const latestPlan = alias(planVersions, "latest_plan");

/** The patient's current plan version, through the pointer a trigger keeps (migration 0008). */
const latestPlanJoin = and(eq(latestPlan.patientId, patients.id), eq(latestPlan.version, patients.currentPlanVersion));

/**
 * Mirror lib/data/internal/holds.ts: an open hold of any kind (needs review), an open pause (paused).
 * One EXISTS per row, served by the partial index care_holds_open_idx (patient_id, kind) where
 * cleared_at is null, so the roster stays an index walk however many holds were ever cleared.
 */
const needsReviewSql = sql<number>`exists (select 1 from ${careHolds} where ${careHolds.patientId} = ${patients.id} and ${careHolds.clearedAt} is null)`;
const pausedSql = sql<number>`exists (select 1 from ${careHolds} where ${careHolds.patientId} = ${patients.id} and ${careHolds.kind} = 'pause' and ${careHolds.clearedAt} is null)`;

/** Mirrors lib/domain/plan-status.ts in SQL, on the patient's copy of the current decision. */
const planStatusSql = (today: string | Placeholder) =>
  sql<PlanStatus>`case
    when ${patients.currentDecision} is null then 'pending'
    when ${patients.currentDecision} = 'approved' and ${patients.currentReviewBy} < ${today} then 'expired'
    else ${patients.currentDecision} end`;

/** The same rule as a condition each status can answer from patients_clinic_decision_idx. */
function planStatusCondition(status: PlanStatus, today: string | Placeholder): SQL | undefined {
  switch (status) {
    case "pending":
      return isNull(patients.currentDecision);
    case "expired":
      return and(eq(patients.currentDecision, "approved"), lt(patients.currentReviewBy, today));
    case "approved":
      return and(eq(patients.currentDecision, "approved"), or(isNull(patients.currentReviewBy), gte(patients.currentReviewBy, today)));
    default:
      return eq(patients.currentDecision, status);
  }
}

const summaryColumns = (today: string | Placeholder) => ({
  id: patients.id,
  name: patients.name,
  mrn: patients.mrn,
  dateOfBirth: patients.dateOfBirth,
  skinType: patients.skinType,
  clinicianId: clinician.id,
  clinicianName: clinician.name,
  planStatus: planStatusSql(today),
  maxNeedleMm: latestPlan.maxNeedleMm,
  reviewBy: patients.currentReviewBy,
  needsReview: needsReviewSql,
  paused: pausedSql,
});

type SummaryRow = {
  id: string;
  name: string;
  mrn: string;
  dateOfBirth: string;
  skinType: number;
  clinicianId: string;
  clinicianName: string;
  planStatus: PlanStatus;
  maxNeedleMm: number | null;
  reviewBy: string | null;
  needsReview: number | null;
  paused: number | null;
};

function toSummary({ clinicianId, clinicianName, needsReview, paused, ...row }: SummaryRow): PatientSummary {
  const approvedLike = row.planStatus === "approved" || row.planStatus === "expired";
  return {
    ...row,
    needsReview: needsReview === 1,
    paused: paused === 1,
    responsibleClinician: { id: clinicianId, name: clinicianName },
    maxNeedleMm: approvedLike ? row.maxNeedleMm : null,
    reviewBy: approvedLike ? row.reviewBy : null,
  };
}

/** LIKE with the user's text taken literally: % and _ match only themselves. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

const byName = [asc(sql`${patients.name} collate nocase`), asc(patients.mrn)];
const byReviewDate = [asc(patients.currentReviewBy), ...byName];

/**
 * Which rows a roster statement reads: `all` for the name order; `dated` and `undated` for the review
 * date order, which is two index walks (patients_clinic_review_by_idx) because an index cannot put
 * NULLs last: dated plans first, soonest review first, then the undated ones by name.
 */
type RosterPart = "all" | "dated" | "undated";
/** A roster statement's shape: which filters apply (their values are bound) and which part it reads. */
type RosterShape = `${PlanStatus | "any"}:${"search" | "all"}:${RosterPart}`;

const shapeOf = (query: PatientListQuery, part: RosterPart): RosterShape => `${query.status ?? "any"}:${query.q ? "search" : "all"}:${part}`;

const todayValue = sql.placeholder("today");
const patternValue = sql.placeholder("pattern");

function rosterWhere(shape: RosterShape): SQL | undefined {
  const [status, search, part] = shape.split(":") as [PlanStatus | "any", "search" | "all", RosterPart];
  return and(
    eq(patients.clinicId, sql.placeholder("clinicId")),
    search === "search" ? or(sql`${patients.name} like ${patternValue} escape '\\'`, sql`${patients.mrn} like ${patternValue} escape '\\'`) : undefined,
    status === "any" ? undefined : planStatusCondition(status, todayValue),
    part === "dated" ? isNotNull(patients.currentReviewBy) : part === "undated" ? isNull(patients.currentReviewBy) : undefined,
  );
}

// The roster runs on every staff visit: each shape is built and prepared once per connection.
const rosterCountQuery = preparedByKey((db, shape: RosterShape) => db.select({ n: count() }).from(patients).where(rosterWhere(shape)).prepare());

/**
 * One page of the roster as a deferred join: the offset is walked on the index alone, and only the
 * page's rows are joined to their clinician, plan and alerts (a deep page would otherwise build every
 * skipped row).
 */
const rosterPage = preparedByKey((db, shape: RosterShape) => {
  const order = shape.endsWith(":dated") ? byReviewDate : byName;
  const ids = db
    .select({ id: patients.id })
    .from(patients)
    .where(rosterWhere(shape))
    .orderBy(...order)
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .as("page_ids");
  return db
    .select(summaryColumns(todayValue))
    .from(ids)
    .innerJoin(patients, eq(patients.id, ids.id))
    .innerJoin(clinician, eq(clinician.id, patients.responsibleClinicianId))
    .leftJoin(latestPlan, latestPlanJoin)
    .orderBy(...order)
    .prepare();
});

/** The clinic roster: staff only, their own clinic only, searched, filtered by plan status, paged. */
export function listPatients(actor: Actor, query: PatientListQuery): Page<PatientSummary> {
  requireRole(actor, STAFF_ROLES);
  const values = { clinicId: actor.clinicId, today: clinicToday(), pattern: query.q ? containsPattern(query.q) : null };
  const counted = (part: RosterPart) => {
    const shape = shapeOf(query, part);
    return rosterCached(actor.clinicId, `${shape}:${values.today}:${values.pattern}`, () => rosterCountQuery(shape).get(values)?.n ?? 0);
  };
  const page = (part: RosterPart, limit: number, offset: number): SummaryRow[] =>
    limit <= 0 ? [] : (rosterPage(shapeOf(query, part)).all({ ...values, limit, offset }) as SummaryRow[]);
  const total = counted("all");
  const offset = offsetOf(query);
  let rows: SummaryRow[];
  if (query.sort === "reviewBy") {
    const dated = counted("dated");
    const first = page("dated", query.pageSize, offset);
    rows = [...first, ...page("undated", query.pageSize - first.length, Math.max(0, offset - dated))];
  } else {
    rows = page("all", query.pageSize, offset);
  }
  recordListRead(actor, "patient.list", query, { rows: rows.length, total });
  return pageOf(rows.map(toSummary), total, query);
}

/**
 * Every patient of the actor's clinic counted once by plan status, with the roster's own rule. Counted
 * per decision along patients_clinic_decision_idx, plus the lapsed approvals as one range of it: grouping
 * by the status expression instead sorted the clinic's every patient in a temporary b-tree (4 ms at 10,000).
 */
export function countPatientsByPlanStatus(actor: Actor): Record<PlanStatus, number> {
  requireRole(actor, STAFF_ROLES);
  const today = clinicToday();
  // A copy: the cached counts are shared by every later caller.
  const counts = rosterCached(actor.clinicId, `by-status:${today}`, () => {
    const db = getDb();
    const byDecision = db
      .select({ decision: patients.currentDecision, n: count() })
      .from(patients)
      .where(eq(patients.clinicId, actor.clinicId))
      .groupBy(patients.currentDecision)
      .all();
    const expired = db.select({ n: count() }).from(patients).where(and(eq(patients.clinicId, actor.clinicId), planStatusCondition("expired", today))).get()?.n ?? 0;
    const counts: Record<PlanStatus, number> = { approved: 0, denied: 0, suspended: 0, expired, pending: 0 };
    for (const { decision, n } of byDecision) {
      if (decision === null) counts.pending += n;
      else if (decision === "approved") counts.approved += n - expired;
      else counts[decision] += n;
    }
    return counts;
  });
  return { ...counts };
}

/** Approved plans of the clinic whose review date is within the next `days` days, soonest first (bounded). */
export function listPlansExpiringSoon(actor: Actor, days: number, limit: number): { patientId: string; name: string; reviewBy: string }[] {
  requireRole(actor, STAFF_ROLES);
  const today = clinicToday();
  return getDb()
    .select({ patientId: patients.id, name: patients.name, reviewBy: sql<string>`${patients.currentReviewBy}` })
    .from(patients)
    .where(
      and(
        eq(patients.clinicId, actor.clinicId),
        eq(patients.currentDecision, "approved"),
        sql`${patients.currentReviewBy} between ${today} and ${addDays(today, days)}`,
      ),
    )
    .orderBy(asc(patients.currentReviewBy), asc(patients.name))
    .limit(limit)
    .all();
}

const portalUser = alias(users, "portal_user");

// Every record view runs this: one statement, prepared once per connection.
const detailQuery = preparedOnce((db) =>
  db
    .select({
      ...summaryColumns(todayValue),
      clinicId: patients.clinicId,
      userId: patients.userId,
      phone: patients.phone,
      createdAt: patients.createdAt,
      updatedAt: patients.updatedAt,
      hasPassword: sql<boolean>`${portalUser.passwordHash} is not null`.mapWith(Boolean),
    })
    .from(patients)
    .innerJoin(clinician, eq(clinician.id, patients.responsibleClinicianId))
    .leftJoin(latestPlan, latestPlanJoin)
    .leftJoin(portalUser, eq(portalUser.id, patients.userId))
    .where(eq(patients.id, sql.placeholder("patientId")))
    .prepare(),
);

function loadDetail(patientId: string): PatientDetail {
  const db = getDb();
  const row = detailQuery(db).get({ patientId, today: clinicToday() });
  if (!row) throw new Error(`Patient ${patientId} vanished between scope check and read`);
  const { clinicId, userId, phone, createdAt, updatedAt, hasPassword, ...summary } = row;
  const portalAccount = !userId ? "none" : hasPassword ? "active" : "invited";
  const currentPlan = loadCurrentPlan(patientId, db);
  return {
    ...toSummary(summary),
    clinicId,
    portalAccount,
    hasPortalAccount: portalAccount === "active",
    phone,
    pause: currentPause(openHolds(db, patientId)),
    createdAt,
    updatedAt,
    currentPlan,
    screening: loadLatestScreening(patientId, clinicId, db),
    lastApprovedAt: previousApprovalAt(db, patientId, (currentPlan?.version ?? 0) + 1),
  };
}

/** One patient's record, for staff of the clinic or the patient themself; staff reads are audited. */
export function getPatient(actor: Actor, patientId: string): PatientDetail {
  const scope = requirePatientAccess(actor, patientId);
  const detail = loadDetail(scope.id);
  recordPatientRead(actor, scope.id, "record");
  return detail;
}

function assertClinicianOfClinic(tx: Tx, clinicId: string, clinicianId: string) {
  const row = tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, clinicianId), eq(users.clinicId, clinicId), eq(users.role, "clinician"), eq(users.active, true)))
    .get();
  if (!row) {
    throw new ValidationError("The responsible clinician must be an active clinician of your clinic.", [
      { path: "responsibleClinicianId", message: "Choose an active clinician of your clinic." },
    ]);
  }
}

function assertMrnFree(tx: Tx, clinicId: string, mrn: string, exceptPatientId?: string) {
  const row = tx.select({ id: patients.id }).from(patients).where(and(eq(patients.clinicId, clinicId), eq(patients.mrn, mrn))).get();
  if (row && row.id !== exceptPatientId) {
    const message = `Another patient of this clinic already has MRN ${mrn}.`;
    throw new ConflictError(message, undefined, [{ path: "mrn", message }]);
  }
}

const demographics = (p: { name: string; dateOfBirth: string; mrn: string; skinType: number; responsibleClinicianId: string; phone?: string | null }) => ({
  name: p.name,
  dateOfBirth: p.dateOfBirth,
  mrn: p.mrn,
  skinType: p.skinType,
  responsibleClinicianId: p.responsibleClinicianId,
  phone: p.phone ?? null,
});

export function createPatient(actor: Actor, input: PatientCreateInput): PatientDetail {
  requireRole(actor, STAFF_ROLES);
  const id = writeTransaction((tx) => {
    assertClinicianOfClinic(tx, actor.clinicId, input.responsibleClinicianId);
    assertMrnFree(tx, actor.clinicId, input.mrn);
    const created = tx
      .insert(patients)
      .values({ ...demographics(input), clinicId: actor.clinicId })
      .returning({ id: patients.id })
      .get();
    recordAudit(tx, { action: "patient.create", outcome: "success", actor, patientId: created.id, detail: { after: demographics(input) } });
    return created.id;
  });
  return loadDetail(id);
}

export function updatePatient(actor: Actor, patientId: string, input: PatientUpdateInput): PatientDetail {
  requireRole(actor, STAFF_ROLES);
  const scope = requirePatientAccess(actor, patientId);
  writeTransaction((tx) => {
    const before = tx.select().from(patients).where(eq(patients.id, scope.id)).get()!;
    const after = { ...demographics(before), ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
    if (input.responsibleClinicianId) assertClinicianOfClinic(tx, scope.clinicId, input.responsibleClinicianId);
    if (input.mrn) assertMrnFree(tx, scope.clinicId, input.mrn, scope.id);
    tx.update(patients)
      .set({ ...after, updatedAt: new Date().toISOString() })
      .where(eq(patients.id, scope.id))
      .run();
    recordAudit(tx, {
      action: "patient.update",
      outcome: "success",
      actor,
      patientId: scope.id,
      detail: { before: demographics(before), after },
    });
  });
  return loadDetail(scope.id);
}

/** One patient of the actor's clinic as id, name and MRN (a picker's current choice), or null. */
export function findPatientChoice(actor: Actor, patientId: string | undefined): { id: string; name: string; mrn: string } | null {
  requireRole(actor, STAFF_ROLES);
  if (!patientId) return null;
  return (
    getDb()
      .select({ id: patients.id, name: patients.name, mrn: patients.mrn })
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)))
      .get() ?? null
  );
}
