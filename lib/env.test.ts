import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clinicTimeZone, resolveDatabasePath } from "./env";

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

describe("clinicTimeZone", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("defaults to UTC and accepts IANA names", () => {
    vi.stubEnv("CLINIC_TIME_ZONE", "");
    expect(clinicTimeZone()).toBe("UTC");
    vi.stubEnv("CLINIC_TIME_ZONE", "America/Chicago");
    expect(clinicTimeZone()).toBe("America/Chicago");
  });

  it("refuses a zone that does not exist", () => {
    vi.stubEnv("CLINIC_TIME_ZONE", "Mars/Olympus");
    expect(() => clinicTimeZone()).toThrow(/IANA time zone/);
  });
});
