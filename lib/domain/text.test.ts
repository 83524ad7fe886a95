import { describe, expect, it } from "vitest";
import { isJustification, isMeaningfulText, textProblem, tidyText, visibleCharacterCount } from "./text";

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

describe("tidyText", () => {
  it("keeps accented, non-Latin and emoji text as typed", () => {
    for (const name of ["Zoë Ó Briain", "李小龙", "José 👍", "Nguyễn Thị Minh Khai", "Ørsted-Åberg", "مریم", "👩🏽‍💻 notes"]) {
      expect(tidyText(name)).toBe(name.normalize("NFC"));
    }
  });

  it("composes combining characters (NFC), so one name is stored one way", () => {
    const decomposed = "Zoe\u0308 O\u0301 Briain";
    expect(tidyText(decomposed)).toBe("Zoë Ó Briain");
    expect(tidyText(decomposed)).toHaveLength("Zoë Ó Briain".length);
  });

  it("strips invisible characters that change nothing a reader sees", () => {
    expect(tidyText("\ufeffJordan\u200b Lee\u2060")).toBe("Jordan Lee");
    expect(tidyText("Jor\u00addan\u180e")).toBe("Jordan");
    expect(tidyText("\u200b\u200b")).toBe("");
  });

  it("strips joiners between Latin letters but keeps them where a script or an emoji needs them", () => {
    expect(tidyText("Jor\u200cdan Le\u200de")).toBe("Jordan Lee");
    expect(tidyText("\u200dLee\u200c")).toBe("Lee");
    // Persian: the ZWNJ keeps "می" from joining "خواهم"; Malayalam chillu forms use ZWJ.
    expect(tidyText("می\u200cخواهم")).toBe("می\u200cخواهم");
    expect(tidyText("ന\u0d4d\u200dന")).toBe("ന\u0d4d\u200dന");
    // A family emoji is one picture only with its joiners; a ZWJ after a letter is stray.
    expect(tidyText("👨\u200d👩\u200d👧")).toBe("👨\u200d👩\u200d👧");
    expect(tidyText("a\u200d👍")).toBe("a👍");
  });

  it("unifies every kind of line break and trims the ends", () => {
    expect(tidyText("  one\r\ntwo\rthree\u2028four\u0085five \n")).toBe("one\ntwo\nthree\nfour\nfive");
  });
});

describe("textProblem", () => {
  it("accepts ordinary text, with line breaks and tabs only where lines are allowed", () => {
    expect(textProblem("Zoë Ó Briain", "single")).toBeNull();
    expect(textProblem("Sanitize first.\n\tThen 0.25 mm.", "multi")).toBeNull();
    expect(textProblem("one\ntwo", "single")).toBe("line_break");
    expect(textProblem("one\ttwo", "single")).toBe("control");
  });

  it.each([
    ["U+202A LRE", "\u202a"],
    ["U+202B RLE", "\u202b"],
    ["U+202C PDF", "\u202c"],
    ["U+202D LRO", "\u202d"],
    ["U+202E RLO", "\u202e"],
    ["U+2066 LRI", "\u2066"],
    ["U+2067 RLI", "\u2067"],
    ["U+2068 FSI", "\u2068"],
    ["U+2069 PDI", "\u2069"],
  ])("refuses the bidi control %s in any text", (_name, char) => {
    expect(textProblem(`Jordan ${char}eeL`, "single")).toBe("bidi");
    expect(textProblem(`note ${char}txet`, "multi")).toBe("bidi");
  });

  it.each([
    ["NUL", "\u0000"],
    ["BEL", "\u0007"],
    ["BS", "\u0008"],
    ["VT", "\u000b"],
    ["FF", "\u000c"],
    ["ESC", "\u001b"],
    ["US", "\u001f"],
    ["DEL", "\u007f"],
    ["C1 PAD", "\u0080"],
    ["C1 CSI", "\u009b"],
    ["C1 APC", "\u009f"],
    ["a lone high surrogate", "\ud800"],
    ["a lone low surrogate", "\udc00"],
  ])("refuses the control character %s in single- and multi-line text", (_name, char) => {
    expect(textProblem(`a${char}b`, "single")).toBe("control");
    expect(textProblem(`a${char}b`, "multi")).toBe("control");
  });

  it("leaves the bidi marks right-to-left text needs (LRM, RLM) alone", () => {
    expect(textProblem("שלום\u200e 123", "single")).toBeNull();
  });
});

describe("isJustification", () => {
  it("takes a reason written in words", () => {
    expect(isJustification("Discussed with obstetrician; postpartum and not breastfeeding")).toBe(true);
    expect(isJustification("Called her: no fever")).toBe(true);
  });

  it("refuses one repeated character, a run of the same word, or too few words", () => {
    expect(isJustification("aaaaaaaaaaaaa")).toBe(false);
    expect(isJustification("aaaa bbbb cccc dddd")).toBe(false);
    expect(isJustification("okay okay okay okay")).toBe(false);
    expect(isJustification("Okay OKAY okay")).toBe(false);
    expect(isJustification("Approvedforsure fine")).toBe(false);
    expect(isJustification("1234567890 12 34")).toBe(false);
    expect(isJustification(null)).toBe(false);
  });

  it("does not count invisible characters towards a word", () => {
    expect(isJustification("ok\u200b ok\u200b ok\u200b")).toBe(false);
  });
});
