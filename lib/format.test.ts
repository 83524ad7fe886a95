import { describe, expect, it } from "vitest";
import { ageOn, formatDate, skinTypeLabel } from "./format";

describe("ageOn", () => {
  const today = new Date("2026-11-21T12:00:00Z");

  it("counts a birthday today as a completed year", () => {
    expect(ageOn("1990-11-21", today)).toBe(36);
  });

  it("does not count a birthday tomorrow", () => {
    expect(ageOn("1990-11-22", today)).toBe(35);
    expect(ageOn("1990-12-01", today)).toBe(35);
  });
});

describe("labels", () => {
  it("writes Fitzpatrick types in Roman numerals", () => {
    expect(skinTypeLabel(1)).toBe("Type I");
    expect(skinTypeLabel(6)).toBe("Type VI");
  });

  it("formats calendar dates without shifting the day", () => {
    expect(formatDate("1990-04-12")).toBe("12 Apr 1990");
  });
});
