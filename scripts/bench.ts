/**
 * `npm run bench`: latency percentiles of the hot paths on a scaled copy of the demo clinic, in one
 * run on a throwaway database. Prints the data size with the figures; nothing here is a pass/fail test.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/connection";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { alerts, homeSessions, patients, planVersions, reactions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import { getPatientCharts } from "@/lib/data/charts";
import { getClinicOverview } from "@/lib/data/overview";
import { getHomeCare } from "@/lib/data/home-care";
import { listPatients } from "@/lib/data/patients";
import { logSession } from "@/lib/data/sessions";
import { patientListQuerySchema } from "@/lib/validation/patients";
import { sessionReportSchema } from "@/lib/validation/reports";

const EXTRA_PATIENTS = Number(process.env.BENCH_PATIENTS ?? 5000);
const SESSIONS_PER_PATIENT = 20;
const DAY = 86_400_000;

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { n: samples.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function time(iterations: number, fn: (i: number) => void) {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = process.hrtime.bigint();
    fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentiles(samples);
}

function scaleUp(db: Db, clinicianId: string, clinicId: string) {
  const now = Date.now();
  db.transaction((tx) => {
    for (let i = 0; i < EXTRA_PATIENTS; i += 1) {
      const { id } = tx
        .insert(patients)
        .values({ clinicId, responsibleClinicianId: clinicianId, mrn: `BENCH-${i}`, name: `Bench Patient ${String(i).padStart(5, "0")}`, dateOfBirth: "1980-01-01", skinType: (i % 6) + 1 })
        .returning({ id: patients.id })
        .get();
      if (i % 2 === 1) continue;
      tx.insert(planVersions)
        .values({ patientId: id, version: 1, decision: "approved", areas: [{ area: "face", maxNeedleMm: 0.5 }], maxNeedleMm: 0.5, minIntervalDays: 7, reviewBy: new Date(now + (i % 300) * DAY).toISOString().slice(0, 10), decidedBy: clinicianId, decidedAt: new Date(now - 200 * DAY).toISOString() })
        .run();
      for (let s = 0; s < SESSIONS_PER_PATIENT; s += 1) {
        const performedAt = new Date(now - (s * 7 + 1) * DAY).toISOString();
        const flags = s % 10 === 0 ? ["interval_too_short"] : [];
        const session = tx
          .insert(homeSessions)
          .values({ patientId: id, performedAt, area: "face", needleMm: 0.5, device: "roller", sanitized: true, flags, planVersion: 1, reportedBy: clinicianId })
          .returning({ id: homeSessions.id })
          .get();
        // A reaction after every third session and an alert for every flagged one, so the overview has history to aggregate.
        if (s % 3 === 0) {
          const grade = (i + s) % 4;
          tx.insert(reactions)
            .values({ patientId: id, sessionId: session.id, area: "face", reportedAt: new Date(Date.parse(performedAt) + DAY / 2).toISOString(), symptoms: [{ symptom: "erythema", grade }, { symptom: "pain", grade: 0 }], maxGrade: grade, reportedBy: clinicianId })
            .run();
        }
        if (flags.length) {
          tx.insert(alerts).values({ clinicId, patientId: id, kind: "off_plan_session", severity: "normal", summary: "Off-plan session.", sessionId: session.id, createdAt: performedAt }).run();
        }
      }
    }
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dermaplan-bench-"));
const file = path.join(dir, "bench.db");
process.env.DATABASE_URL = file;
const db = openDatabase(file);
(globalThis as { dermaplanDb?: Db }).dermaplanDb = db;
runMigrations(db);
await seedDemo(db);

const rivera = db.select().from(users).where(eq(users.email, "rivera@northside.test")).get()!;
const actor: Actor = { id: rivera.id, email: rivera.email, name: rivera.name, role: "clinician", clinicId: rivera.clinicId, patientId: null, ip: "127.0.0.1" };
scaleUp(db, rivera.id, rivera.clinicId);
const jordanId = db.select({ id: patients.id }).from(patients).where(eq(patients.name, "Jordan Lee")).get()!.id;
const benchIds = db.select({ id: patients.id }).from(patients).where(eq(patients.clinicId, rivera.clinicId)).all().map((p) => p.id);
const counts = {
  patients: benchIds.length,
  sessions: db.select({ n: count() }).from(homeSessions).get()!.n,
  planVersions: db.select({ n: count() }).from(planVersions).get()!.n,
  reactions: db.select({ n: count() }).from(reactions).get()!.n,
  alerts: db.select({ n: count() }).from(alerts).get()!.n,
};

const roster = (query: Record<string, string>) => patientListQuerySchema.parse(query);
const results: Record<string, ReturnType<typeof percentiles>> = {
  "roster page 1 (by name)": time(200, () => listPatients(actor, roster({}))),
  "roster page 100 (by name)": time(200, () => listPatients(actor, roster({ page: "100" }))),
  "roster search q=Patient 0123": time(200, () => listPatients(actor, roster({ q: "Patient 0123" }))),
  "roster status=approved, sort=reviewBy": time(200, () => listPatients(actor, roster({ status: "approved", sort: "reviewBy" }))),
  "portal home-care (plan + next dates)": time(500, () => getHomeCare(actor, jordanId)),
  "patient charts, 1 year": time(300, () => getPatientCharts(actor, jordanId, "365d")),
  "clinic overview (all widgets)": time(50, () => getClinicOverview(actor)),
};

const report = (i: number) =>
  sessionReportSchema.parse({ performedAt: new Date().toISOString(), area: "neck", needleMm: 0.25, device: "pen", sanitized: true, notes: `bench ${i}` });
const full = time(300, (i) => logSession(actor, benchIds[i % benchIds.length]!, report(i)));
db.$client.pragma("synchronous = NORMAL");
const normal = time(300, (i) => logSession(actor, benchIds[(i + 7) % benchIds.length]!, report(i)));
db.$client.pragma("synchronous = FULL");
results["log session, synchronous=FULL"] = full;
results["log session, synchronous=NORMAL"] = normal;

console.log(`Dermaplan benchmark: ${counts.patients} patients in one clinic, ${counts.sessions} sessions, ${counts.planVersions} plan versions, ${counts.reactions} reactions, ${counts.alerts} alerts (${os.cpus().length} cores)`);
console.log("operation".padEnd(42), "n".padStart(5), "p50 ms".padStart(9), "p95 ms".padStart(9), "p99 ms".padStart(9));
for (const [name, r] of Object.entries(results)) {
  console.log(name.padEnd(42), String(r.n).padStart(5), r.p50.toFixed(2).padStart(9), r.p95.toFixed(2).padStart(9), r.p99.toFixed(2).padStart(9));
}
console.log(`synchronous=FULL / NORMAL, log session p50: ${(full.p50 / normal.p50).toFixed(2)}x, p95: ${(full.p95 / normal.p95).toFixed(2)}x`);
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
