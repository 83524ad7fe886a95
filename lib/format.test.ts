import { describe, expect, it } from "vitest";
import { skinTypeLabel } from "./format";

describe("labels", () => {
  it("writes Fitzpatrick types in Roman numerals", () => {
    expect(skinTypeLabel(1)).toBe("Type I");
    expect(skinTypeLabel(6)).toBe("Type VI");
  });
});
