import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { auditEvents } from "@/db/schema";
import { actorFor, patientIdByName } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { orNotFound } from "./load-or-404";
import { getPatient } from "./patients";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

describe("orNotFound, a page's load of one record", () => {
  it("renders another clinic's patient as the 404 page, and the refusal leaves exactly one row", () => {
    const chen = actorFor(db, "chen@southbay.test");
    const before = db.select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get()!.id;
    // next/navigation's notFound() throws an error the framework turns into the 404 page.
    expect(() => orNotFound(() => getPatient(chen, patientIdByName(db, "Jordan Lee")))).toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    const rows = db.select().from(auditEvents).where(eq(auditEvents.actorId, chen.id)).all().filter((r) => r.id > before);
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([["patient.access_denied", "denied"]]);
  });

  it("lets other failures through untouched", () => {
    expect(() => orNotFound(() => { throw new Error("disk on fire"); })).toThrow("disk on fire");
  });
});
