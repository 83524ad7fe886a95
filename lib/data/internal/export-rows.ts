import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { and, asc, count, eq, gt, gte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, preparedOnce } from "@/db";
import { homeSessions, patients, reactions, users } from "@/db/schema";
import { dateInZone } from "@/lib/domain/dates";
import { SYMPTOM_CODES, type SymptomGrade } from "@/lib/domain/reactions";

export const EXPORT_KINDS = ["sessions", "reactions"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * Rows per query. Each page is a finished query rather than one `.iterate()` held open while the client
 * reads: the process shares one connection, and better-sqlite3 refuses every other statement on it
 * ("This database connection is busy") while an iterator is open.
 */
export const EXPORT_PAGE_ROWS = 500;

const reporter = alias(users, "reporter");
const reviewer = alias(users, "reviewer");
const linkedSession = alias(homeSessions, "linked_session");

/**
 * `(time, id) > (after, afterId)`, written so the (patient, time) index serves the range: the `>=`
 * bounds the index scan and the `or` only separates rows of the same instant. An empty cursor ("", "")
 * starts at the first row, so one prepared statement serves every page.
 */
const afterKey = (time: typeof homeSessions.performedAt | typeof reactions.reportedAt, id: typeof homeSessions.id | typeof reactions.id) =>
  and(gte(time, sql.placeholder("after")), or(gt(time, sql.placeholder("after")), gt(id, sql.placeholder("afterId"))));

const sessionPage = preparedOnce((db) =>
  db
    .select({
      id: homeSessions.id,
      at: homeSessions.performedAt,
      area: homeSessions.area,
      needleMm: homeSessions.needleMm,
      device: homeSessions.device,
      sanitized: homeSessions.sanitized,
      patchTestDone: homeSessions.patchTestDone,
      flags: homeSessions.flags,
      planVersion: homeSessions.planVersion,
      notes: homeSessions.notes,
      reportedBy: reporter.name,
      onBehalf: homeSessions.onBehalf,
      createdAt: homeSessions.createdAt,
      reviewedBy: reviewer.name,
      reviewedAt: homeSessions.reviewedAt,
    })
    .from(homeSessions)
    .innerJoin(reporter, eq(reporter.id, homeSessions.reportedBy))
    .leftJoin(reviewer, eq(reviewer.id, homeSessions.reviewedBy))
    .where(and(eq(homeSessions.patientId, sql.placeholder("patientId")), afterKey(homeSessions.performedAt, homeSessions.id)))
    .orderBy(asc(homeSessions.performedAt), asc(homeSessions.id))
    .limit(EXPORT_PAGE_ROWS)
    .prepare(),
);

const reactionPage = preparedOnce((db) =>
  db
    .select({
      id: reactions.id,
      at: reactions.reportedAt,
      area: sql<string | null>`coalesce(${reactions.area}, ${linkedSession.area})`,
      sessionId: reactions.sessionId,
      sessionAt: linkedSession.performedAt,
      maxGrade: reactions.maxGrade,
      symptoms: reactions.symptoms,
      notes: reactions.notes,
      reportedBy: reporter.name,
      onBehalf: reactions.onBehalf,
      createdAt: reactions.createdAt,
      reviewedBy: reviewer.name,
      reviewedAt: reactions.reviewedAt,
    })
    .from(reactions)
    .innerJoin(reporter, eq(reporter.id, reactions.reportedBy))
    .leftJoin(reviewer, eq(reviewer.id, reactions.reviewedBy))
    .leftJoin(linkedSession, eq(linkedSession.id, reactions.sessionId))
    .where(and(eq(reactions.patientId, sql.placeholder("patientId")), afterKey(reactions.reportedAt, reactions.id)))
    .orderBy(asc(reactions.reportedAt), asc(reactions.id))
    .limit(EXPORT_PAGE_ROWS)
    .prepare(),
);

type Keyed = { at: string; id: string };

/** Pages by key until a short page: memory holds one page, whatever the total. */
function* byKey<T extends Keyed>(page: (after: Keyed) => T[]): Generator<T> {
  let after: Keyed = { at: "", id: "" };
  for (;;) {
    const rows = page(after);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_PAGE_ROWS) return;
    after = last;
  }
}

const REPORT_TRAIL = ["notes", "reported_by", "reported_on_behalf", "recorded_at_utc", "reviewed_by", "reviewed_at_utc"];

export const HEADERS: Record<ExportKind, string[]> = {
  sessions: ["session_id", "performed_at_utc", "performed_on", "area", "needle_mm", "device", "sanitized", "patch_test_done", "flags", "plan_version", ...REPORT_TRAIL],
  reactions: ["reaction_id", "noticed_at_utc", "noticed_on", "area", "session_id", "session_performed_at_utc", "max_grade", ...SYMPTOM_CODES.map((code) => `${code}_grade`), ...REPORT_TRAIL],
};

/** One patient's rows of a kind, oldest first; `performed_on`/`noticed_on` are clinic calendar dates. */
export function* patientRows(kind: ExportKind, patientId: string, timeZone: string): Generator<unknown[]> {
  if (kind === "sessions") {
    for (const r of byKey((after) => sessionPage().all({ patientId, after: after.at, afterId: after.id }))) {
      const trail = [r.notes, r.reportedBy, r.onBehalf, r.createdAt, r.reviewedBy, r.reviewedAt];
      yield [r.id, r.at, dateInZone(r.at, timeZone), r.area, r.needleMm, r.device, r.sanitized, r.patchTestDone, r.flags.join("; "), r.planVersion, ...trail];
    }
    return;
  }
  for (const r of byKey((after) => reactionPage().all({ patientId, after: after.at, afterId: after.id }))) {
    const grades = new Map((r.symptoms as SymptomGrade[]).map((s) => [s.symptom, s.grade]));
    const trail = [r.notes, r.reportedBy, r.onBehalf, r.createdAt, r.reviewedBy, r.reviewedAt];
    yield [r.id, r.at, dateInZone(r.at, timeZone), r.area, r.sessionId, r.sessionAt, r.maxGrade, ...SYMPTOM_CODES.map((code) => grades.get(code) ?? null), ...trail];
  }
}

const PATIENTS_PER_PAGE = 200;

// The clinic's patients in MRN order, by key, through the (clinic, mrn) unique index.
const clinicPatientPage = preparedOnce((db) =>
  db
    .select({ id: patients.id, mrn: patients.mrn })
    .from(patients)
    .where(and(eq(patients.clinicId, sql.placeholder("clinicId")), gt(patients.mrn, sql.placeholder("afterMrn"))))
    .orderBy(asc(patients.mrn))
    .limit(PATIENTS_PER_PAGE)
    .prepare(),
);

/** Every row of a kind in the clinic, patient by patient (MRN order), each row led by patient id and MRN. */
export function* clinicRows(kind: ExportKind, clinicId: string, timeZone: string): Generator<unknown[]> {
  let afterMrn = "";
  for (;;) {
    const page = clinicPatientPage().all({ clinicId, afterMrn });
    for (const patient of page) {
      for (const row of patientRows(kind, patient.id, timeZone)) yield [patient.id, patient.mrn, ...row];
    }
    const last = page.at(-1);
    if (!last || page.length < PATIENTS_PER_PAGE) return;
    afterMrn = last.mrn;
  }
}

const table = { sessions: homeSessions, reactions } as const;

export function countPatientRows(kind: ExportKind, patientId: string): number {
  const t = table[kind];
  return getDb().select({ n: count() }).from(t).where(eq(t.patientId, patientId)).get()?.n ?? 0;
}

export function countClinicRows(kind: ExportKind, clinicId: string): number {
  const t = table[kind];
  return getDb().select({ n: count() }).from(t).innerJoin(patients, eq(patients.id, t.patientId)).where(eq(patients.clinicId, clinicId)).get()?.n ?? 0;
}
