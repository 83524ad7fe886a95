import { describe, expect, it } from "vitest";
import { isMeaningfulText, visibleCharacterCount } from "./text";

describe("visibleCharacterCount", () => {
  it("counts letters and digits of any script, not punctuation or spaces", () => {
    expect(visibleCharacterCount("Acne flare 12!")).toBe(11);
    expect(visibleCharacterCount("ニキビの悪化が続いている")).toBe(12);
    expect(visibleCharacterCount(null)).toBe(0);
  });

  it("ignores zero-width, joiner, Mongolian vowel separator, bidi and control characters", () => {
    expect(visibleCharacterCount("\u200b\u2060\u180e\u200e\u202e\u0007\ufeff")).toBe(0);
    expect(isMeaningfulText("\u200b".repeat(50))).toBe(false);
    expect(isMeaningfulText("a\u200bb\u200bc\u200bd\u200be\u200bf\u200bg\u200bh\u200bi\u200bj")).toBe(true);
  });
});
