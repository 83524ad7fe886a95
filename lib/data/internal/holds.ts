import "server-only";
// Internal to lib/data: no access checks here; callers must have authorized the actor first.
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { preparedOnce, type Reader, type Tx } from "@/db";
import { careHolds, type HoldKind, type HoldReason } from "@/db/schema";
import type { PauseDto, PauseReason } from "../home-care";

export type HoldRow = {
  id: string;
  kind: HoldKind;
  reason: HoldReason;
  items: string[];
  alertId: string | null;
  since: string;
};

const holdColumns = {
  id: careHolds.id,
  kind: careHolds.kind,
  reason: careHolds.reason,
  items: careHolds.items,
  alertId: careHolds.alertId,
  since: careHolds.since,
};

const ofPatient = eq(careHolds.patientId, sql.placeholder("patientId"));

// Every portal visit, patient view and session report reads these: prepared once per connection.
const openHoldsQuery = preparedOnce((db) =>
  db.select(holdColumns).from(careHolds).where(and(ofPatient, isNull(careHolds.clearedAt))).orderBy(asc(careHolds.since)).limit(50).prepare(),
);
const pauseAtQuery = preparedOnce((db) =>
  db
    .select(holdColumns)
    .from(careHolds)
    .where(
      and(
        ofPatient,
        eq(careHolds.kind, "pause"),
        lte(careHolds.since, sql.placeholder("at")),
        or(isNull(careHolds.clearedAt), gt(careHolds.clearedAt, sql.placeholder("at"))),
      ),
    )
    .orderBy(asc(careHolds.since))
    .limit(1)
    .prepare(),
);
const lastClearedPauseQuery = preparedOnce((db) =>
  db
    .select({ clearedAt: careHolds.clearedAt })
    .from(careHolds)
    .where(and(ofPatient, eq(careHolds.kind, "pause"), isNotNull(careHolds.clearedAt)))
    .orderBy(desc(careHolds.clearedAt))
    .limit(1)
    .prepare(),
);

/** The patient's open holds, oldest first (a handful at most: clearing closes every open pause at once). */
export function openHolds(db: Reader, patientId: string): HoldRow[] {
  return openHoldsQuery(db).all({ patientId }) as HoldRow[];
}

export function toPause(hold: HoldRow): PauseDto {
  return { reason: hold.reason as PauseReason, since: hold.since, alertId: hold.alertId, items: hold.items };
}

/** The pause in force now: the oldest open one, since it is what stopped the patient. */
export function currentPause(holds: HoldRow[]): PauseDto | null {
  const pause = holds.find((h) => h.kind === "pause");
  return pause ? toPause(pause) : null;
}

/** The pause in force at a moment (a session reported late is judged at its own time). */
export function pauseAt(db: Reader, patientId: string, at: string): PauseDto | null {
  const row = pauseAtQuery(db).get({ patientId, at }) as HoldRow | undefined;
  return row ? toPause(row) : null;
}

/** When a pause was last cleared, to tell the patient they may continue. */
export function lastClearedPauseAt(db: Reader, patientId: string): string | null {
  return lastClearedPauseQuery(db).get({ patientId })?.clearedAt ?? null;
}

export type NewHold = { clinicId: string; patientId: string; kind: HoldKind; reason: HoldReason; items?: string[]; alertId: string | null; since?: string };

export function openHold(tx: Tx, hold: NewHold): string {
  return tx
    .insert(careHolds)
    .values({ ...hold, items: hold.items ?? [], since: hold.since ?? new Date().toISOString() })
    .returning({ id: careHolds.id })
    .get().id;
}

export type Clearing = { by: string; note: string; planVersion?: number; at?: string };

/** Clears the given open holds, once each (a trigger refuses a second clearing). */
export function clearHolds(tx: Tx, ids: string[], clearing: Clearing): void {
  const at = clearing.at ?? new Date().toISOString();
  for (const id of ids) {
    tx.update(careHolds)
      .set({ clearedAt: at, clearedBy: clearing.by, clearNote: clearing.note, clearedByPlanVersion: clearing.planVersion ?? null })
      .where(and(eq(careHolds.id, id), isNull(careHolds.clearedAt)))
      .run();
  }
}

// Every chart view runs this: along care_holds_patient_since_idx, newest first so a bound never drops
// the pause in force now.
const pausePeriodsQuery = preparedOnce((db) =>
  db
    .select({ since: careHolds.since, until: careHolds.clearedAt, reason: careHolds.reason })
    .from(careHolds)
    .where(
      and(
        ofPatient,
        eq(careHolds.kind, "pause"),
        lte(careHolds.since, sql.placeholder("to")),
        or(isNull(careHolds.clearedAt), gt(careHolds.clearedAt, sql.placeholder("from"))),
      ),
    )
    .orderBy(desc(careHolds.since))
    .limit(200)
    .prepare(),
);

/** Periods a patient was paused that overlap [from, to] (the latest 200), oldest first, for the charts. */
export function pausePeriods(db: Reader, patientId: string, from: string, to: string): { since: string; until: string | null; reason: PauseReason }[] {
  return (pausePeriodsQuery(db).all({ patientId, from, to }) as { since: string; until: string | null; reason: PauseReason }[]).reverse();
}

/**
 * A clinician acknowledging or resolving the alert of a review hold has acknowledged the item: the plan
 * no longer "needs review" for it. Pauses are never ended this way: they are cleared with a note.
 */
export function endReviewHoldsOfAlerts(tx: Tx, alertIds: string[], actor: { id: string; role: string }): number {
  if (actor.role !== "clinician" || alertIds.length === 0) return 0;
  const now = new Date().toISOString();
  return tx
    .update(careHolds)
    .set({ clearedAt: now, clearedBy: actor.id, clearNote: "The clinician acknowledged the alert." })
    .where(and(inArray(careHolds.alertId, alertIds), eq(careHolds.kind, "review"), isNull(careHolds.clearedAt)))
    .run().changes;
}
