import { describe, expect, it } from "vitest";
import { startOfDayInZone } from "./dates";

describe("startOfDayInZone", () => {
  it("is UTC midnight in UTC", () => {
    expect(startOfDayInZone("2026-11-21")).toBe("2026-11-21T00:00:00.000Z");
  });

  it("follows the zone's offset, either side of a daylight-saving change", () => {
    expect(startOfDayInZone("2026-03-07", "America/New_York")).toBe("2026-03-07T05:00:00.000Z");
    expect(startOfDayInZone("2026-03-09", "America/New_York")).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfDayInZone("2026-11-21", "Asia/Kolkata")).toBe("2026-11-20T18:30:00.000Z");
  });
});
