import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { openDatabase, type Db } from "@/db/connection";
import { actorFor, patientIdByName } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { auditQuerySchema } from "@/lib/validation/audit";
import { patientListQuerySchema } from "@/lib/validation/patients";
import { healthChangeReportSchema } from "@/lib/validation/health-changes";
import { alertListQuerySchema, reactionReportSchema, sessionReportSchema } from "@/lib/validation/reports";
import { listAlertGroups } from "./alert-groups";
import { countOpenAlerts, listAlerts } from "./alerts";
import { listAuditEvents } from "./audit-log";
import { getPatientCharts } from "./charts";
import { listHealthChanges, reportHealthChange } from "./health-changes";
import { getHomeCare } from "./home-care";
import { getPauseNotice, listHolds } from "./holds";
import { patientNames } from "./internal/patient-names";
import { getClinicOverview } from "./overview";
import { getPatient, listPatients } from "./patients";
import { listReactions, reportReaction } from "./reactions";
import { countReviewQueue, listReviewQueue } from "./review-queue";
import { listSessions, logSession } from "./sessions";
import { preparedDuring, type PlannedStatement } from "@/test/prepared-statements";

/** The tables that grow without end: every read of them must be a key-constrained index search. */
const GROWING = ["home_sessions", "reactions", "alerts", "audit_events", "care_holds", "health_changes", "alert_notes", "screenings"];

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

/**
 * Runs `work` on a connection of its own and returns every statement it prepared, with SQLite's plan
 * for each. A fresh connection per case, because statements are prepared once per connection: on a
 * shared one, a case would not see the statements an earlier case already prepared.
 */
async function plansOf(work: () => unknown): Promise<PlannedStatement[]> {
  const fresh = openDatabase(db.$client.name);
  const installed = globalThis as { dermaplanDb?: Db };
  const shared = installed.dermaplanDb;
  installed.dermaplanDb = fresh;
  try {
    return await preparedDuring(fresh, work);
  } finally {
    installed.dermaplanDb = shared;
    fresh.$client.close();
  }
}

async function fullScans(work: () => unknown): Promise<string[]> {
  return (await plansOf(work)).flatMap(({ sql, plan }) =>
    plan.filter((line) => GROWING.some((table) => new RegExp(`^SCAN ${table}\\b`).test(line))).map((line) => `${line}\n    in: ${sql}`),
  );
}

/**
 * Statements that fetch patients by a list of ids but are served by a clinic index: the planner walks
 * the clinic's every patient to find a few (10 ms at 10,000) unless the primary key is used.
 */
async function clinicWalksForIds(work: () => unknown): Promise<string[]> {
  return (await plansOf(work))
    .filter(({ sql }) => /"patients"\."id" in \(/.test(sql))
    .filter(({ plan }) => !plan.some((line) => /^SEARCH patients USING (COVERING )?INDEX sqlite_autoindex_patients_1 \(id=\?\)/.test(line)))
    .map(({ sql, plan }) => `${plan.join(" | ")}\n    in: ${sql}`);
}

describe("every measured query reads the growing tables through an index", () => {
  const rivera = () => actorFor(db, "rivera@northside.test");
  const admin = () => actorFor(db, "admin@northside.test");
  const lee = () => actorFor(db, "lee@patient.test");
  const jordan = () => patientIdByName(db, "Jordan Lee");
  const roster = (q: Record<string, string>) => patientListQuerySchema.parse(q);

  const cases: [string, () => unknown][] = [
    ["roster page 1", () => listPatients(rivera(), roster({}))],
    ["roster deep page", () => listPatients(rivera(), roster({ page: "40" }))],
    ["roster search", () => listPatients(rivera(), roster({ q: "Lee" }))],
    ["roster by status", () => listPatients(rivera(), roster({ status: "approved" }))],
    ["roster by review date", () => listPatients(rivera(), roster({ sort: "reviewBy", page: "2", pageSize: "2" }))],
    ["patient detail", () => getPatient(rivera(), jordan())],
    ["patient charts", () => getPatientCharts(rivera(), jordan(), "365d")],
    ["alerts page", () => listAlerts(rivera(), alertListQuerySchema.parse({ status: "open" }))],
    ["alerts of one patient", () => listAlerts(rivera(), alertListQuerySchema.parse({ status: "acknowledged", patientId: jordan() }))],
    ["alert groups", () => listAlertGroups(admin(), { page: 1, pageSize: 50 })],
    ["alert badge", () => countOpenAlerts(rivera())],
    ["review queue (clinician)", () => listReviewQueue(rivera(), { page: 1, pageSize: 50 })],
    ["review queue (admin)", () => listReviewQueue(admin(), { page: 2, pageSize: 5 })],
    ["review badge", () => countReviewQueue(rivera())],
    ["home care", () => getHomeCare(lee(), jordan())],
    ["session list", () => listSessions(rivera(), jordan(), { page: 1, pageSize: 20 })],
    ["reaction list", () => listReactions(rivera(), jordan(), { page: 1, pageSize: 20 })],
    ["audit page", () => listAuditEvents(admin(), auditQuerySchema.parse({}))],
    ["audit of one patient", () => listAuditEvents(admin(), auditQuerySchema.parse({ patientId: jordan() }))],
    ["audit by cursor", () => listAuditEvents(admin(), auditQuerySchema.parse({ before: "2026-11-01T00:00:00.000Z~100" }))],
    ["clinic overview", () => getClinicOverview(rivera())],
    ["names of 200 patients", () => patientNames(db, rivera().clinicId, Array.from({ length: 200 }, () => randomUUID()))],
    [
      "session report",
      () => logSession(lee(), jordan(), sessionReportSchema.parse({ performedAt: new Date().toISOString(), area: "face", needleMm: 0.25, device: "pen", sanitized: true })),
    ],
    ["pause notice (every portal page)", () => getPauseNotice(lee(), jordan())],
    ["holds of a patient", () => listHolds(rivera(), jordan())],
    ["health changes of a patient", () => listHealthChanges(rivera(), jordan())],
    [
      // A warning sign: the alert, how the patient is reached, the pause.
      "reaction report with a warning sign",
      () => reportReaction(lee(), jordan(), reactionReportSchema.parse({ reportedAt: new Date().toISOString(), area: "face", symptoms: [{ symptom: "infection", grade: 2 }] })),
    ],
    ["health change report", () => reportHealthChange(lee(), jordan(), healthChangeReportSchema.parse({ items: [{ item: "cardiac" }] }))],
    [
      // A late report in an area with no session in the window: the spacing reads on both sides and the first-in-area check.
      "late session report in a quiet area",
      () => logSession(lee(), jordan(), sessionReportSchema.parse({ performedAt: new Date(Date.now() - 200 * 86_400_000).toISOString(), area: "hands", needleMm: 0.25, device: "pen", sanitized: true })),
    ],
  ];

  it.each(cases)("%s", async (_, work) => {
    expect(await fullScans(work)).toEqual([]);
    expect(await clinicWalksForIds(work)).toEqual([]);
  });

  it("catches a full scan when there is one", async () => {
    expect(await fullScans(() => getDb().$client.prepare("select count(*) from home_sessions where notes like '%x%'").get())).toHaveLength(1);
  });
});
