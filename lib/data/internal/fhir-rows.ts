import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import type { Resource } from "@medplum/fhirtypes";
import { and, asc, count, desc, eq, gt, inArray, lte, ne, sql } from "drizzle-orm";
import type { Reader } from "@/db";
import { clinics, homeSessions, patients, planVersions, reactions, users } from "@/db/schema";
import { toPlanResources } from "@/lib/fhir/care-plan";
import type { Referencer } from "@/lib/fhir/ids";
import { toReactionResources } from "@/lib/fhir/observation";
import { toProcedure } from "@/lib/fhir/procedure";
import type { ClinicRecord, PatientRecord, PlanVersionRecord, ReactionRecord, SessionRecord, StaffRecord } from "@/lib/fhir/records";
import { pauseAt } from "./holds";

/** Rows per query: an export holds one page of one table at a time, whatever the clinic's size. */
export const EXPORT_PAGE_SIZE = 250;

/**
 * What every resource of one export is built against. `cutoff` is the export's start: rows written after it
 * are left out, so an export read page by page (and, in bulk, table by table) is one consistent picture and
 * never references a plan version or session that the same export does not contain.
 */
export type ExportContext = {
  cutoff: string;
  today: string;
  ref: Referencer;
  /** Told of every staff member a resource names, so the bundle can include them as Practitioners. */
  onStaff?: (userId: string) => void;
};

/**
 * Keyset paging: each page is read whole, synchronously, then handed out; nothing holds a cursor open
 * while the consumer waits on the network, and other requests share the connection between pages.
 */
function* keysetPages<T>(load: (after: T | null) => T[]): Generator<T> {
  let after: T | null = null;
  for (;;) {
    const page = load(after);
    yield* page;
    if (page.length < EXPORT_PAGE_SIZE) return;
    after = page.at(-1)!;
  }
}

export function loadClinic(db: Reader, clinicId: string): ClinicRecord | undefined {
  return db.select({ id: clinics.id, name: clinics.name }).from(clinics).where(eq(clinics.id, clinicId)).get();
}

const staffColumns = { id: users.id, name: users.name, active: users.active };

/** Named staff only: the set one patient's record names is bounded by the clinic's staff. */
export function loadStaff(db: Reader, ids: string[]): StaffRecord[] {
  if (ids.length === 0) return [];
  return db.select(staffColumns).from(users).where(inArray(users.id, ids)).orderBy(asc(users.id)).all();
}

export function clinicStaff(db: Reader, clinicId: string, cutoff: string): Generator<StaffRecord> {
  return keysetPages((after) =>
    db
      .select(staffColumns)
      .from(users)
      .where(and(eq(users.clinicId, clinicId), ne(users.role, "patient"), lte(users.createdAt, cutoff), gt(users.id, after?.id ?? "")))
      .orderBy(asc(users.id))
      .limit(EXPORT_PAGE_SIZE)
      .all(),
  );
}

const patientColumns = {
  id: patients.id,
  clinicId: patients.clinicId,
  responsibleClinicianId: patients.responsibleClinicianId,
  mrn: patients.mrn,
  name: patients.name,
  dateOfBirth: patients.dateOfBirth,
};

export function loadPatient(db: Reader, patientId: string): PatientRecord | undefined {
  return db.select(patientColumns).from(patients).where(eq(patients.id, patientId)).get();
}

/** The clinic's patients in MRN order, walking the (clinic, MRN) unique index. */
export function clinicPatients(db: Reader, clinicId: string, cutoff: string): Generator<PatientRecord> {
  return keysetPages((after) =>
    db
      .select(patientColumns)
      .from(patients)
      .where(and(eq(patients.clinicId, clinicId), gt(patients.mrn, after?.mrn ?? ""), lte(patients.createdAt, cutoff)))
      .orderBy(asc(patients.mrn))
      .limit(EXPORT_PAGE_SIZE)
      .all(),
  );
}

export function countClinicPatients(db: Reader, clinicId: string, cutoff: string): number {
  return db.select({ n: count() }).from(patients).where(and(eq(patients.clinicId, clinicId), lte(patients.createdAt, cutoff))).get()?.n ?? 0;
}

/** Every plan version as CarePlan, DeviceRequest and Provenance, oldest first. */
export function* planResources(db: Reader, patientId: string, context: ExportContext): Generator<Resource> {
  const decided = and(eq(planVersions.patientId, patientId), lte(planVersions.decidedAt, context.cutoff));
  const latest = db.select({ version: planVersions.version, decidedAt: planVersions.decidedAt }).from(planVersions).where(decided).orderBy(desc(planVersions.version)).limit(1).get();
  if (!latest) return;
  const standing = { latestVersion: latest.version, today: context.today, pausedForReview: pauseAt(db, patientId, context.cutoff) !== null };
  const versions = keysetPages<PlanVersionRecord>((after) =>
    db
      .select({
        patientId: planVersions.patientId,
        version: planVersions.version,
        decision: planVersions.decision,
        areas: planVersions.areas,
        minIntervalDays: planVersions.minIntervalDays,
        reviewBy: planVersions.reviewBy,
        instructions: planVersions.instructions,
        reason: planVersions.reason,
        contraindicationOverride: planVersions.contraindicationOverride,
        intervalOverrideReason: planVersions.intervalOverrideReason,
        decidedBy: planVersions.decidedBy,
        decidedAt: planVersions.decidedAt,
      })
      .from(planVersions)
      .where(and(decided, gt(planVersions.version, after?.version ?? 0)))
      .orderBy(asc(planVersions.version))
      .limit(EXPORT_PAGE_SIZE)
      .all(),
  );
  for (const plan of versions) {
    context.onStaff?.(plan.decidedBy);
    yield* toPlanResources(plan, standing, context.ref);
  }
}

/** Every logged session as a Procedure, in the order performed. */
export function* sessionResources(db: Reader, patientId: string, context: ExportContext): Generator<Resource> {
  const sessions = keysetPages<SessionRecord>((after) =>
    db
      .select({
        id: homeSessions.id,
        patientId: homeSessions.patientId,
        performedAt: homeSessions.performedAt,
        area: homeSessions.area,
        needleMm: homeSessions.needleMm,
        device: homeSessions.device,
        sanitized: homeSessions.sanitized,
        patchTestDone: homeSessions.patchTestDone,
        notes: homeSessions.notes,
        flags: homeSessions.flags,
        planVersion: homeSessions.planVersion,
        reportedBy: homeSessions.reportedBy,
        onBehalf: homeSessions.onBehalf,
        createdAt: homeSessions.createdAt,
      })
      .from(homeSessions)
      .where(
        and(
          eq(homeSessions.patientId, patientId),
          lte(homeSessions.createdAt, context.cutoff),
          sql`(${homeSessions.performedAt}, ${homeSessions.id}) > (${after?.performedAt ?? ""}, ${after?.id ?? ""})`,
        ),
      )
      .orderBy(asc(homeSessions.performedAt), asc(homeSessions.id))
      .limit(EXPORT_PAGE_SIZE)
      .all(),
  );
  for (const session of sessions) {
    if (session.onBehalf) context.onStaff?.(session.reportedBy);
    yield toProcedure(session, context.ref);
  }
}

/** Every reaction as its symptoms' Observations and AdverseEvents, in the order reported. */
export function* reactionResources(db: Reader, patientId: string, context: ExportContext): Generator<Resource> {
  const rows = keysetPages<ReactionRecord>((after) =>
    db
      .select({
        id: reactions.id,
        patientId: reactions.patientId,
        sessionId: reactions.sessionId,
        area: sql<string | null>`coalesce(${reactions.area}, ${homeSessions.area})`,
        reportedAt: reactions.reportedAt,
        symptoms: reactions.symptoms,
        notes: reactions.notes,
        reportedBy: reactions.reportedBy,
        onBehalf: reactions.onBehalf,
        createdAt: reactions.createdAt,
      })
      .from(reactions)
      .leftJoin(homeSessions, eq(homeSessions.id, reactions.sessionId))
      .where(
        and(
          eq(reactions.patientId, patientId),
          lte(reactions.createdAt, context.cutoff),
          sql`(${reactions.reportedAt}, ${reactions.id}) > (${after?.reportedAt ?? ""}, ${after?.id ?? ""})`,
        ),
      )
      .orderBy(asc(reactions.reportedAt), asc(reactions.id))
      .limit(EXPORT_PAGE_SIZE)
      .all(),
  );
  for (const reaction of rows) {
    if (reaction.onBehalf) context.onStaff?.(reaction.reportedBy);
    yield* toReactionResources(reaction, context.ref);
  }
}
