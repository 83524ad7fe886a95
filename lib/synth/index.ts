import type { Db } from "@/db/connection";
import { seedDemo } from "@/lib/seed";
import { assertNotSynthesized, findNorthside, growNorthside } from "./clinic";
import { deferSecondaryIndexes } from "./indexes";
import { synthesizePatient } from "./patient";
import { Rng } from "./random";
import { RowWriter } from "./statements";
import { DAY } from "./time";
import { SYNTHETIC_CLINICIANS } from "./vocabulary";

export type SynthOptions = {
  patients: number;
  days: number;
  seed?: number;
  now?: Date;
  onProgress?: (p: { phase: string; done: number; total: number; rows: number }) => void;
};

/** Rows added by one run (the demo clinic's own rows not included); `clinicians` counts the clinicians added. */
export type SynthCounts = {
  patients: number;
  clinicians: number;
  planVersions: number;
  screenings: number;
  sessions: number;
  reactions: number;
  alerts: number;
  auditEvents: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
};

export const DEFAULT_SEED = 42;
/** Patients per transaction: large enough to amortise the commit, small enough to keep memory flat. */
const PATIENTS_PER_TRANSACTION = 250;
const CLINIC_STREAM = 0x7fffffff;

/** Today at 00:00 UTC, so two runs on the same day write the same history. */
export function startOfTodayUtc(): Date {
  return new Date(Math.floor(Date.now() / DAY) * DAY);
}

/**
 * Grows the demo clinic "Northside Dermatology" (seeding it first if it is missing) with `patients`
 * patients and `days` days of history ending at `now`, through the project's own rules: screenings,
 * plan versions in every state, sessions flagged as evaluateSession would, reactions that fade,
 * alerts from the alert rules in every state, sign-offs and the audit trail. Deterministic for the
 * same options, seed and `now`. Expects a migrated database; async only because seedDemo hashes
 * passwords. Refuses a database that was already synthesized.
 */
export async function synthesize(db: Db, options: SynthOptions): Promise<SynthCounts> {
  const { patients, days, seed = DEFAULT_SEED, onProgress } = options;
  if (!Number.isInteger(patients) || patients < 0) throw new Error(`patients must be a whole number ≥ 0, got ${patients}`);
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a whole number ≥ 1, got ${days}`);
  const started = performance.now();
  const now = (options.now ?? startOfTodayUtc()).getTime();
  if (!findNorthside(db)) {
    onProgress?.({ phase: "seed demo", done: 0, total: 1, rows: 0 });
    await seedDemo(db);
  }
  assertNotSynthesized(db);

  const sqlite = db.$client;
  const before = { synchronous: sqlite.pragma("synchronous", { simple: true }), cacheSize: sqlite.pragma("cache_size", { simple: true }) };
  // A freshly generated dataset, not clinical data: nothing is lost if the machine dies mid-run, so
  // skip the fsync per commit while generating. FULL (openDatabase's setting) is restored after.
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -262144");
  const writer = new RowWriter(sqlite);
  const indexes = sqlite.transaction(() => deferSecondaryIndexes(sqlite)).immediate();
  try {
    const ctx = sqlite.transaction(() => growNorthside(db, new Rng(seed, CLINIC_STREAM), writer, { start: now - days * DAY, now })).immediate();
    for (let from = 0; from < patients; from += PATIENTS_PER_TRANSACTION) {
      const to = Math.min(from + PATIENTS_PER_TRANSACTION, patients);
      sqlite.transaction(() => {
        for (let index = from; index < to; index += 1) synthesizePatient(ctx, { index, seed, days });
      }).immediate();
      onProgress?.({ phase: "patients", done: to, total: patients, rows: writer.rows });
    }
    onProgress?.({ phase: "indexes", done: 0, total: 1, rows: writer.rows });
    sqlite.transaction(() => indexes.rebuild()).immediate();
    onProgress?.({ phase: "checkpoint", done: 0, total: 1, rows: writer.rows });
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    indexes.rebuild();
    sqlite.pragma(`synchronous = ${before.synchronous}`);
    sqlite.pragma(`cache_size = ${before.cacheSize}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const { counts, rows } = writer;
  return {
    patients: counts.patient,
    clinicians: SYNTHETIC_CLINICIANS.length,
    planVersions: counts.planVersion,
    screenings: counts.screening,
    sessions: counts.session,
    reactions: counts.reaction,
    alerts: counts.alert,
    auditEvents: counts.audit,
    rows,
    seconds,
    rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : rows,
  };
}
