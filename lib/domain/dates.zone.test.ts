import { describe, expect, it } from "vitest";
import { ageOn, clinicDayRange, daysBetween, formatCalendarDate, formatClinicDateTime, formatClinicDay, startOfDayInZone, wallTimeToInstant } from "./dates";

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

describe("the clinic calendar", () => {
  it("bounds clinic days for a filter: a spring-forward day is 23 hours long", () => {
    expect(clinicDayRange({ from: "2026-03-29", to: "2026-03-29" }, "Europe/London")).toEqual({ since: "2026-03-29T00:00:00.000Z", until: "2026-03-29T23:00:00.000Z" });
    expect(clinicDayRange({ from: "2026-10-25", to: "2026-10-25" }, "Europe/London")).toEqual({ since: "2026-10-24T23:00:00.000Z", until: "2026-10-26T00:00:00.000Z" });
    expect(clinicDayRange({}, "Europe/London")).toEqual({ since: undefined, until: undefined });
    // The last day ISO strings can write has no "next day" that sorts as text: it means no end.
    expect(clinicDayRange({ from: "2026-01-01", to: "9999-12-31" }, "UTC")).toEqual({ since: "2026-01-01T00:00:00.000Z", until: undefined });
  });

  it("shows a moment in the clinic's zone with the zone named, before and after the clock change", () => {
    expect(formatClinicDateTime("2026-10-24T22:30:00.000Z", "Europe/London")).toBe("24 Oct 2026, 23:30 BST");
    expect(formatClinicDateTime("2026-10-25T22:30:00.000Z", "Europe/London")).toBe("25 Oct 2026, 22:30 GMT");
    expect(formatClinicDay("2026-07-07T23:30:00.000Z", "Europe/London")).toBe("8 Jul 2026");
    expect(formatClinicDay("2026-07-07T23:30:00.000Z", "Europe/London", true)).toBe("Wed 8 Jul 2026");
    expect(formatCalendarDate("1988-03-14")).toBe("14 Mar 1988");
    expect(formatCalendarDate("1990-04-12")).toBe("12 Apr 1990");
  });

  it("counts calendar days and ages on calendar dates", () => {
    expect(daysBetween("2026-10-18", "2026-10-25")).toBe(7);
    expect(daysBetween("2026-03-01", "2026-02-28")).toBe(-1);
    expect(ageOn("2000-02-29", "2026-02-28")).toBe(25);
    expect(ageOn("2000-02-29", "2026-03-01")).toBe(26);
    expect(ageOn("1990-11-22", "2026-11-22")).toBe(36);
    expect(ageOn("1990-11-23", "2026-11-22")).toBe(35);
    expect(ageOn("1990-12-01", "2026-11-22")).toBe(35);
  });
});

describe("wallTimeToInstant", () => {
  it("reads a wall time in the zone, across a daylight-saving change", () => {
    expect(wallTimeToInstant("2026-07-01T09:30", "Europe/London")).toBe("2026-07-01T08:30:00.000Z");
    expect(wallTimeToInstant("2026-12-01T09:30", "Europe/London")).toBe("2026-12-01T09:30:00.000Z");
  });

  it("refuses a time that does not exist on the clock (24:00, minute 60, 30 February)", () => {
    for (const wall of ["2026-03-01T24:00", "2026-03-01T10:60", "2026-02-30T10:00", "2026-03-01 10:00"]) {
      expect(wallTimeToInstant(wall, "UTC"), wall).toBeNull();
    }
  });
});
