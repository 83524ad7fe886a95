import { describe, expect, it } from "vitest";
import { fromInputValue, momentOf, toInputValue, zoneHint } from "./datetime";

describe("momentOf", () => {
  const opened = new Date("2026-11-21T09:30:42.123Z");

  it("keeps the seconds of the moment the form opened while the minute shown is unchanged", () => {
    expect(momentOf(toInputValue(opened, "UTC"), opened, "UTC")).toBe("2026-11-21T09:30:42.123Z");
  });

  it("takes an edited time to the minute, and nothing for an empty field", () => {
    expect(momentOf("2026-11-20T08:15", opened, "UTC")).toBe("2026-11-20T08:15:00.000Z");
    expect(momentOf("", opened, "UTC")).toBeNull();
  });
});

describe("the when field on the clinic's clock", () => {
  it("shows and reads wall time in the clinic's zone, either side of a clock change", () => {
    expect(toInputValue(new Date("2026-07-07T23:30:00.000Z"), "Europe/London")).toBe("2026-07-08T00:30");
    expect(fromInputValue("2026-07-08T00:30", "Europe/London")).toBe("2026-07-07T23:30:00.000Z");
    expect(fromInputValue("2026-10-25T12:00", "Europe/London")).toBe("2026-10-25T12:00:00.000Z");
    expect(fromInputValue("2026-10-24T12:00", "Europe/London")).toBe("2026-10-24T11:00:00.000Z");
  });

  it("refuses what is not a time", () => {
    expect(fromInputValue("2026-02-30T10:00", "UTC")).toBeNull();
    expect(fromInputValue("yesterday", "UTC")).toBeNull();
  });
});

describe("zoneHint", () => {
  it("speaks only when the device's zone is not the clinic's", () => {
    expect(zoneHint("Europe/London", "Europe/London")).toBeUndefined();
    expect(zoneHint("America/New_York", "Europe/London")).toBe("Times are in your clinic's time zone (America/New York).");
  });
});
