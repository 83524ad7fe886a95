import { describe, expect, it } from "vitest";
import { momentOf, toLocalInputValue } from "./datetime";

describe("momentOf", () => {
  const opened = new Date("2026-11-21T09:30:42.123Z");

  it("keeps the seconds of the moment the form opened while the minute shown is unchanged", () => {
    expect(momentOf(toLocalInputValue(opened), opened)).toBe("2026-11-21T09:30:42.123Z");
  });

  it("takes an edited time to the minute, and nothing for an empty field", () => {
    const edited = toLocalInputValue(new Date("2026-11-20T08:15:00.000Z"));
    expect(momentOf(edited, opened)).toBe("2026-11-20T08:15:00.000Z");
    expect(momentOf("", opened)).toBeNull();
  });
});
