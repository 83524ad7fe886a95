import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { auditEvents } from "@/db/schema";
import { actorFor, patientIdByName } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { auditQuerySchema } from "@/lib/validation/audit";
import { patientListQuerySchema } from "@/lib/validation/patients";
import { alertListQuerySchema, reviewQueueQuerySchema } from "@/lib/validation/reports";
import { listAlertGroups } from "./alert-groups";
import { countOpenAlerts, listAlerts } from "./alerts";
import { exportAuditEvents, listAuditEvents } from "./audit-log";
import { recordListRead } from "./audit-reads";
import { getClinicOverview, getNeedsAttention } from "./overview";
import { listPatients } from "./patients";
import { countReviewQueue, listReviewQueue } from "./review-queue";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const rivera = () => actorFor(db, "rivera@northside.test");
const admin = () => actorFor(db, "admin@northside.test");
const lastId = () => db.select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get()?.id ?? 0;
/** The rows `work` wrote, oldest first, with their detail parsed. */
function rowsWrittenBy(work: () => unknown) {
  const before = lastId();
  work();
  return db
    .select()
    .from(auditEvents)
    .all()
    .filter((r) => r.id > before)
    .map((r) => ({ ...r, detail: r.detail ? JSON.parse(r.detail) : null }));
}

describe("every staff list that names patients leaves one row, naming the list and the query", () => {
  it("the roster: search term, filters and page", () => {
    const rows = rowsWrittenBy(() => listPatients(rivera(), patientListQuerySchema.parse({ q: "Lee", status: "approved", page: "1", pageSize: "10" })));
    expect(rows).toEqual([
      expect.objectContaining({
        action: "patient.list",
        outcome: "success",
        actorId: rivera().id,
        actorRole: "clinician",
        clinicId: rivera().clinicId,
        patientId: null,
        detail: { query: { q: "Lee", status: "approved", sort: "name", page: 1, pageSize: 10 }, rows: 1, total: 1 },
      }),
    ]);
  });

  it("a roster page with no search leaves the unset filters out", () => {
    const [row] = rowsWrittenBy(() => listPatients(rivera(), patientListQuerySchema.parse({ page: "2", pageSize: "5" })));
    expect(row!.detail).toEqual({ query: { sort: "name", page: 2, pageSize: 5 }, rows: 5, total: 26 });
  });

  it("the alert list, and the grouped alerts", () => {
    const [list] = rowsWrittenBy(() => listAlerts(rivera(), alertListQuerySchema.parse({ status: "acknowledged", page: "1" })));
    expect(list).toMatchObject({ action: "alert.list", detail: { query: { status: "acknowledged", page: 1, pageSize: 50 } } });
    expect(list!.detail.rows).toEqual(expect.any(Number));
    const [groups] = rowsWrittenBy(() => listAlertGroups(admin(), { page: 1, pageSize: 20 }));
    expect(groups).toMatchObject({ action: "alert.group_list", actorRole: "admin", detail: { query: { page: 1, pageSize: 20 } } });
  });

  it("one patient's alerts are a read of that record, once per render like the rest of the chart", () => {
    const jordan = patientIdByName(db, "Jordan Lee");
    const rows = rowsWrittenBy(() => listAlerts(rivera(), alertListQuerySchema.parse({ status: "open", patientId: jordan })));
    expect(rows).toEqual([expect.objectContaining({ action: "patient.read", patientId: jordan, detail: { view: "alerts" } })]);
  });

  it("the review queue, with the scope it showed", () => {
    const [row] = rowsWrittenBy(() => listReviewQueue(rivera(), reviewQueueQuerySchema.parse({ page: "1" })));
    expect(row).toMatchObject({ action: "review.list", detail: { query: { scope: "mine", page: 1, pageSize: 50 } } });
  });

  it("the overview's patients needing attention, once per overview (its counts and charts name nobody)", () => {
    const [row] = rowsWrittenBy(() => getNeedsAttention(rivera()));
    expect(row).toMatchObject({ action: "overview.read", detail: { query: { list: "needs_attention" } } });
    expect(rowsWrittenBy(() => getClinicOverview(rivera())).map((r) => r.action)).toEqual(["overview.read"]);
  });

  it("the audit views: a page, with its filters, and the CSV export", () => {
    const jordan = patientIdByName(db, "Jordan Lee");
    const [page] = rowsWrittenBy(() => listAuditEvents(admin(), auditQuerySchema.parse({ patientId: jordan, action: "patient.read", page: "2", pageSize: "10" })));
    expect(page).toMatchObject({
      action: "audit.read",
      actorId: admin().id,
      detail: { query: { patientId: jordan, action: "patient.read", scope: "all", page: 2, pageSize: 10 } },
    });
    const [exported] = rowsWrittenBy(() => exportAuditEvents(admin(), { ...auditQuerySchema.parse({ from: "2026-01-01" }), scope: "clinic" }));
    expect(exported).toMatchObject({ action: "audit.export", detail: { filter: { from: "2026-01-01", scope: "clinic" } } });
  });

  it("no row for the navigation badges: two counts name no patient", () => {
    expect(rowsWrittenBy(() => [countOpenAlerts(rivera()), countReviewQueue(rivera())])).toEqual([]);
  });

  it("no row for a patient reading lists of their own (the portal stays unaudited)", () => {
    expect(rowsWrittenBy(() => recordListRead(actorFor(db, "lee@patient.test"), "alert.list", {}, { rows: 1 }))).toEqual([]);
  });

  it("one row per read: the same page listed twice is two rows", () => {
    const query = patientListQuerySchema.parse({});
    const rows = rowsWrittenBy(() => [listPatients(rivera(), query), listPatients(rivera(), query)]);
    expect(rows.filter((r) => r.action === "patient.list")).toHaveLength(2);
  });
});
