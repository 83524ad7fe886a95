import { describe, expect, it } from "vitest";
import { defaultClinicSettings } from "./clinic-settings";
import { evaluateScreening, type ScreeningAnswer } from "./screening";

const today = "2026-11-21";
const settings = defaultClinicSettings();
const codes = (answers: ScreeningAnswer[], s = settings) => {
  const result = evaluateScreening(answers, s, today);
  return { blocks: result.blocks.map((f) => f.item), reviews: result.reviews.map((f) => f.item) };
};

describe("evaluateScreening", () => {
  it("finds nothing in a clean screening", () => {
    expect(codes([{ item: "pregnancy", answer: false }, { item: "rosacea", answer: false }])).toEqual({ blocks: [], reviews: [] });
  });

  it("classes yes answers by the clinic's defaults", () => {
    expect(codes([{ item: "pregnancy", answer: true }, { item: "rosacea", answer: true }])).toEqual({ blocks: ["pregnancy"], reviews: ["rosacea"] });
  });

  it("flags isotretinoin stopped 4 months ago, not 7 months ago (6-month lookback)", () => {
    expect(codes([{ item: "isotretinoin", answer: true, date: "2026-07-21" }]).blocks).toEqual(["isotretinoin"]);
    expect(codes([{ item: "isotretinoin", answer: true, date: "2026-05-21" }]).blocks).toEqual(["isotretinoin"]);
    expect(codes([{ item: "isotretinoin", answer: true, date: "2026-05-20" }]).blocks).toEqual([]);
    expect(codes([{ item: "isotretinoin", answer: true }]).blocks).toEqual(["isotretinoin"]);
  });

  it("follows a clinic's edited lookback and classes", () => {
    const edited = { ...settings, isotretinoinLookbackMonths: 12, screeningClasses: { ...settings.screeningClasses, rosacea: "block" as const } };
    expect(codes([{ item: "isotretinoin", answer: true, date: "2026-01-01" }, { item: "rosacea", answer: true }], edited).blocks).toEqual([
      "isotretinoin",
      "rosacea",
    ]);
  });

  it("counts a recent procedure only within 30 days", () => {
    expect(codes([{ item: "recent_procedure", answer: true, date: "2026-10-22" }]).reviews).toEqual(["recent_procedure"]);
    expect(codes([{ item: "recent_procedure", answer: true, date: "2026-10-21" }]).reviews).toEqual([]);
  });
});
