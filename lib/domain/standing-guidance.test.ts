import { describe, expect, it } from "vitest";
import { STANDING_GUIDANCE, standingGuidanceText, STOP_AND_CALL, TECHNIQUE } from "./standing-guidance";

describe("standing guidance", () => {
  it("names every DOMAIN.md warning sign the patient must stop and call for", () => {
    const text = STOP_AND_CALL.items.join(" ");
    for (const sign of [/pus/, /honey-coloured crust/, /warmth that spreads/, /fever/, /blisters/, /redness that spreads/, /pain that grows/, /dark patches/]) {
      expect(text).toMatch(sign);
    }
  });

  it("reminds of the seeds' technique: cleanse first, about 15 seconds a section, sanitize and air-dry, never share", () => {
    const text = TECHNIQUE.items.join(" ");
    for (const step of [/Cleanse the skin/, /about 15 seconds a section/, /sanitize the roller/, /air-dry/, /Never share/]) expect(text).toMatch(step);
  });

  it("puts the warning signs before the technique", () => {
    expect(STANDING_GUIDANCE).toEqual([STOP_AND_CALL, TECHNIQUE]);
  });

  it("reads as plain text with each heading followed by its items", () => {
    const text = standingGuidanceText();
    expect(text.startsWith("Stop microneedling and call your clinic if you notice:\n- signs of infection")).toBe(true);
    expect(text).toContain("\n\nEvery session:\n- Cleanse the skin of the area first.\n");
    expect(text.endsWith("- Never share your roller with anyone.")).toBe(true);
    expect(standingGuidanceText([{ heading: "H", items: ["a", "b"] }])).toBe("H:\n- a\n- b");
  });
});
