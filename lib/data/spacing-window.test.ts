import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/connection";
import { alerts } from "@/db/schema";
import { isOffPlan } from "@/lib/charts/timeline";
import { addDays, formatClinicDateTime } from "@/lib/domain/dates";
import { reactionReportSchema, sessionReportSchema } from "@/lib/validation/reports";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { createPatientWithBackdatedPlan, type PlanArea } from "@/test/factories";
import { getPatientCharts } from "./charts";
import { getHomeCare } from "./home-care";
import { neighboursInArea, recentInArea } from "./internal/spacing";
import { reportReaction } from "./reactions";
import { listSessions, logSession } from "./sessions";
import { preparedDuring } from "@/test/prepared-statements";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const DAY = 86_400_000;
const HOUR = 3_600_000;
const rivera = () => actorFor(db, "rivera@northside.test");
/** Whole days before now at the same time of day, so clinic days (UTC in tests) differ by exactly that. */
const daysAgo = (days: number) => new Date(Date.now() - days * DAY - HOUR).toISOString();

/** A clean-screened patient whose plan (version 1) was decided 120 days ago, so sessions can be backdated under it. */
const patientWithPlan = (areas: PlanArea[], minIntervalDays: number) => createPatientWithBackdatedPlan(db, { prefix: "Spacing", areas, minIntervalDays, decidedDaysAgo: 120 });

const decolletage = () => patientWithPlan([{ area: "decolletage", maxNeedleMm: 0.25 }], 7);
const log = (id: string, performedAt: string, needleMm = 0.25, o: Record<string, unknown> = {}) =>
  logSession(rivera(), id, sessionReportSchema.parse({ performedAt, area: "decolletage", needleMm, device: "pen", sanitized: true, patchTestDone: true, ...o }));
const alertOf = (id: string, sessionId: string) => db.select().from(alerts).where(and(eq(alerts.patientId, id), eq(alerts.sessionId, sessionId))).get();
const storedFlags = (id: string) => new Map(listSessions(rivera(), id, { page: 1, pageSize: 50 }).items.map((s) => [s.id, s.flags]));

describe("spacing is judged against every session in the window", () => {
  it("flags 0.25 mm ten days after 0.25 mm when a 1.0 mm session 19 days before needs 28, names it, and charts it off plan", () => {
    const id = decolletage();
    const long = log(id, daysAgo(25), 1.0);
    const short = log(id, daysAgo(16));
    const third = log(id, daysAgo(6));
    expect(long.flags).toEqual(["needle_exceeds_plan"]);
    expect(short.flags).toEqual(["interval_too_short"]);
    expect(third.flags).toEqual(["interval_too_short"]);
    const alert = alertOf(id, third.id)!;
    expect(alert.relatedSessionId).toBe(long.id);
    expect(alert.summary).toContain(formatClinicDateTime(long.performedAt, "UTC"));
    expect(alert.summary).not.toContain(formatClinicDateTime(short.performedAt, "UTC"));
    const charted = getPatientCharts(rivera(), id, "90d").sessions.find((s) => s.id === third.id)!;
    expect(isOffPlan(charted)).toBe(true);
    // The next allowed date waits out the 1.0 mm session behind the two short ones.
    const area = getHomeCare(rivera(), id).areas.find((a) => a.area === "decolletage")!;
    expect(area).toMatchObject({ allowed: false, nextAllowedAt: `${addDays(long.performedAt.slice(0, 10), 28)}T00:00:00.000Z`, nextAllowedReasons: ["longer_needle"] });
  });

  it("accepts the 28th clinic day after a 1.0 mm session and flags the 27th, with a short session between", () => {
    const onTime = decolletage();
    const longOnTime = log(onTime, daysAgo(40), 1.0);
    log(onTime, daysAgo(30));
    expect(log(onTime, daysAgo(12)).flags).toEqual([]);
    expect(longOnTime.flags).toEqual(["needle_exceeds_plan"]);
    const early = decolletage();
    const long = log(early, daysAgo(40), 1.0);
    log(early, daysAgo(30));
    const third = log(early, daysAgo(13));
    expect(third.flags).toEqual(["interval_too_short"]);
    expect(alertOf(early, third.id)!.relatedSessionId).toBe(long.id);
  });

  it("reaches as far back as the plan's own interval when it is longer than every floor", () => {
    const id = patientWithPlan([{ area: "decolletage", maxNeedleMm: 0.25 }], 42);
    log(id, daysAgo(41));
    expect(log(id, daysAgo(0)).flags).toEqual(["interval_too_short"]);
  });

  it("counts the extra spacing after lasting redness on an earlier session that is not the nearest", () => {
    const id = patientWithPlan([{ area: "decolletage", maxNeedleMm: 0.25 }], 2);
    const red = log(id, daysAgo(12));
    reportReaction(rivera(), id, reactionReportSchema.parse({ area: "decolletage", reportedAt: new Date(Date.parse(red.performedAt) + 60 * HOUR).toISOString(), symptoms: [{ symptom: "erythema", grade: 1 }] }));
    log(id, daysAgo(8));
    // 7 days after the red session (2 + 7 needed), 3 after the nearest (2 needed).
    const third = log(id, daysAgo(5));
    expect(third.flags).toEqual(["interval_too_short"]);
    expect(alertOf(id, third.id)!.relatedSessionId).toBe(red.id);
  });
});

describe("a session reported late", () => {
  it("names every stored session it conflicts with, either side, and re-judges none of them", () => {
    const id = decolletage();
    const long = log(id, daysAgo(20), 1.0);
    const mid = log(id, daysAgo(10));
    const last = log(id, daysAgo(2));
    const before = storedFlags(id);
    const late = log(id, daysAgo(6));
    expect(late.flags).toEqual(["interval_too_short"]);
    const alert = alertOf(id, late.id)!;
    expect(alert.relatedSessionId).toBe(long.id);
    const named = [long, mid, last].map((s) => formatClinicDateTime(s.performedAt, "UTC"));
    expect(alert.summary).toContain(`too close to the décolletage session of ${named.join(" and ")}.`);
    const after = storedFlags(id);
    expect([long.id, mid.id, last.id].map((s) => after.get(s))).toEqual([long.id, mid.id, last.id].map((s) => before.get(s)));
  });
});

describe("the patch test", () => {
  it("is due before the first session in an area ever, not after a gap longer than the spacing window", () => {
    const id = decolletage();
    log(id, daysAgo(100));
    expect(log(id, daysAgo(1), 0.25, { patchTestDone: null }).flags).toEqual([]);
    const fresh = decolletage();
    expect(log(fresh, daysAgo(1), 0.25, { patchTestDone: null }).flags).toEqual(["no_patch_test"]);
  });
});

describe("the spacing reads", () => {
  /** The plan SQLite chose for each home_sessions statement `work` prepared on a connection of its own. */
  async function sessionPlans(work: (fresh: Db) => unknown): Promise<string[]> {
    const fresh = openDatabase(db.$client.name);
    try {
      const statements = await preparedDuring(fresh, () => work(fresh));
      return statements.filter(({ sql }) => /from "home_sessions"/.test(sql)).map(({ plan }) => plan.join(" | "));
    } finally {
      fresh.$client.close();
    }
  }

  it("search the area index by a time range on both sides, whether or not an earlier session is in the window", async () => {
    const id = decolletage();
    const plans = await sessionPlans((fresh) => {
      neighboursInArea(fresh, id, "decolletage", daysAgo(0), 35);
      recentInArea(fresh, id, "decolletage", daysAgo(36));
    });
    expect(plans).toHaveLength(3);
    for (const plan of plans) expect(plan).toMatch(/^SEARCH home_sessions USING INDEX home_sessions_patient_area_time_idx \(patient_id=\? AND area=\? AND performed_at/);
    expect(plans.filter((plan) => /performed_at>\? AND performed_at<\?/.test(plan))).toHaveLength(2);
  });
});
