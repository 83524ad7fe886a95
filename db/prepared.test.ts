import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./connection";
import { inJsonList, preparedByKey, preparedOnce } from "./index";
import { runMigrations } from "./migrate";
import { clinics } from "./schema";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dermaplan-prepared-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function clinicDatabase(name: string) {
  const db = openDatabase(path.join(dir, `${name}.db`));
  runMigrations(db);
  const ids = ["North", "South", "East"].map((clinic) => db.insert(clinics).values({ name: `${clinic} ${name}` }).returning().get().id);
  return { db, ids };
}

describe("statements prepared once per connection", () => {
  const byId = preparedOnce((db) => db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, sql.placeholder("id"))).prepare());
  const byShape = preparedByKey((db, shape: "one" | "many") =>
    db
      .select({ name: clinics.name })
      .from(clinics)
      .where(shape === "one" ? eq(clinics.id, sql.placeholder("id")) : inJsonList(clinics.id, "ids"))
      .orderBy(clinics.name)
      .prepare(),
  );

  it("are built once for each connection (and each shape), and run on the connection given", () => {
    const a = clinicDatabase("a");
    const b = clinicDatabase("b");
    expect(byId(a.db)).toBe(byId(a.db));
    expect(byId(b.db)).not.toBe(byId(a.db));
    expect(byId(a.db).get({ id: a.ids[0] })).toEqual({ name: "North a" });
    expect(byId(b.db).get({ id: b.ids[1] })).toEqual({ name: "South b" });
    expect(byShape("one", a.db)).not.toBe(byShape("many", a.db));
    expect(byShape("many", a.db)).toBe(byShape("many", a.db));
    a.db.$client.close();
    b.db.$client.close();
  });

  it("bind a list of any length as one JSON value, through the primary key", () => {
    const { db, ids } = clinicDatabase("c");
    const many = byShape("many", db);
    expect(many.all({ ids: JSON.stringify([ids[2], ids[0]]) })).toEqual([{ name: "East c" }, { name: "North c" }]);
    expect(many.all({ ids: JSON.stringify(ids) })).toHaveLength(3);
    expect(many.all({ ids: "[]" })).toEqual([]);
    const plan = db.$client.prepare(`explain query plan ${many.getQuery().sql}`).all(null) as { detail: string }[];
    expect(plan.map((row) => row.detail).join(" | ")).toMatch(/SEARCH clinics USING INDEX sqlite_autoindex_clinics_1 \(id=\?\)/);
    db.$client.close();
  });
});
