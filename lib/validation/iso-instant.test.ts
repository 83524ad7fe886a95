import { describe, expect, it } from "vitest";
import { parseIsoInstant } from "./iso-instant";

const iso = (value: string) => parseIsoInstant(value)?.toISOString() ?? null;

describe("parseIsoInstant", () => {
  it("reads a time in UTC or with an offset, to the same instant", () => {
    expect(iso("2026-11-21T09:30:00Z")).toBe("2026-11-21T09:30:00.000Z");
    expect(iso("2026-11-21T09:30Z")).toBe("2026-11-21T09:30:00.000Z");
    expect(iso("2026-11-21T10:30:00+01:00")).toBe("2026-11-21T09:30:00.000Z");
    expect(iso("2026-11-21T04:00:00-05:30")).toBe("2026-11-21T09:30:00.000Z");
    expect(iso("2026-11-21T23:30:00+14:00")).toBe("2026-11-21T09:30:00.000Z");
  });

  it("keeps milliseconds and cuts finer fractions", () => {
    expect(iso("2026-11-21T09:30:00.5Z")).toBe("2026-11-21T09:30:00.500Z");
    expect(iso("2026-11-21T09:30:00.123456Z")).toBe("2026-11-21T09:30:00.123Z");
  });

  it("accepts 29 February in a leap year only", () => {
    expect(iso("2028-02-29T10:00:00Z")).toBe("2028-02-29T10:00:00.000Z");
    expect(iso("2000-02-29T10:00:00Z")).toBe("2000-02-29T10:00:00.000Z");
    expect(iso("2025-02-29T10:00:00Z")).toBeNull();
    expect(iso("2100-02-29T10:00:00Z")).toBeNull();
  });

  it.each([
    "2026-02-30T10:00:00Z", // JavaScript alone makes this 2 March
    "2026-04-31T10:00:00Z",
    "2026-13-01T10:00:00Z",
    "2026-00-10T10:00:00Z",
    "2026-01-00T10:00:00Z",
    "2026-01-01T24:00:00Z", // JavaScript alone makes this the next midnight
    "2026-01-01T25:00:00Z",
    "2026-01-01T10:60:00Z",
    "2026-01-01T10:00:60Z",
    "2026-01-01T10:00:00+15:00",
    "2026-01-01T10:00:00+01:60",
  ])("refuses the impossible %s", (value) => {
    expect(parseIsoInstant(value)).toBeNull();
  });

  it.each(["2026-01-01", "2026-01-01T10:00:00", "2026-01-01 10:00:00Z", "1767261600000", "tomorrow", "", " 2026-01-01T10:00:00Z"])(
    "refuses %j, which is not an ISO time with its offset",
    (value) => {
      expect(parseIsoInstant(value)).toBeNull();
    },
  );
});
