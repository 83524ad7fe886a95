import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDatabasePath } from "./env";

describe("resolveDatabasePath", () => {
  const cwd = "/srv/dermaplan";

  it("defaults to ./data/dermaplan.db", () => {
    expect(resolveDatabasePath(undefined, cwd)).toBe(path.join(cwd, "data/dermaplan.db"));
    expect(resolveDatabasePath("  ", cwd)).toBe(path.join(cwd, "data/dermaplan.db"));
  });

  it("accepts plain relative and absolute paths", () => {
    expect(resolveDatabasePath("db/x.db", cwd)).toBe(path.join(cwd, "db/x.db"));
    expect(resolveDatabasePath("/var/lib/dermaplan.db", cwd)).toBe("/var/lib/dermaplan.db");
  });

  it("accepts file: URLs", () => {
    expect(resolveDatabasePath("file:./x.db", cwd)).toBe(path.join(cwd, "x.db"));
    expect(resolveDatabasePath("file:/var/lib/x.db", cwd)).toBe("/var/lib/x.db");
    expect(resolveDatabasePath("file:///var/lib/x.db", cwd)).toBe("/var/lib/x.db");
  });

  it("refuses an empty file: URL", () => {
    expect(() => resolveDatabasePath("file:", cwd)).toThrow(/empty/);
  });
});
