import { describe, expect, it } from "vitest";
import type { HomeCare } from "@/lib/data/home-care";
import { isOffered, needleChoices, planLimitMm } from "./needle-choices";

const withPlan = (status: string, areas: { area: string; maxNeedleMm: number }[]) => ({ plan: { status, areas } }) as unknown as Pick<HomeCare, "plan">;

describe("planLimitMm", () => {
  const plan = withPlan("approved", [
    { area: "face", maxNeedleMm: 0.5 },
    { area: "neck", maxNeedleMm: 0.25 },
  ]);
  it("is the chosen area's limit on an approved plan", () => {
    expect(planLimitMm(plan, "face")).toBe(0.5);
    expect(planLimitMm(plan, "neck")).toBe(0.25);
  });
  it("is the plan's longest limit before an area is chosen", () => {
    expect(planLimitMm(plan, "")).toBe(0.5);
  });
  it("is the home maximum for an area outside the plan, or without an approved plan", () => {
    expect(planLimitMm(plan, "scalp")).toBe(1.0);
    expect(planLimitMm(withPlan("suspended", [{ area: "face", maxNeedleMm: 0.5 }]), "face")).toBe(1.0);
    expect(planLimitMm({ plan: null }, "face")).toBe(1.0);
  });
});

describe("needleChoices", () => {
  it("offers only the lengths within the limit until a longer needle is declared", () => {
    expect(needleChoices(0.5, false)).toEqual({ within: [0.2, 0.25, 0.3, 0.5], aboveLimit: [], clinic: [] });
  });
  it("adds the home lengths above the limit and the clinic lengths once declared", () => {
    expect(needleChoices(0.5, true)).toEqual({ within: [0.2, 0.25, 0.3, 0.5], aboveLimit: [0.75, 1.0], clinic: [1.5, 2.0, 2.5, 3.0] });
    expect(needleChoices(1.0, true).aboveLimit).toEqual([]);
  });
  it("never offers a clinic length without the declaration, even at the home maximum", () => {
    expect(needleChoices(1.0, false).clinic).toEqual([]);
    expect(needleChoices(1.0, false).within.at(-1)).toBe(1.0);
  });
});

describe("isOffered", () => {
  it("keeps a length the new limit still offers and drops one it hides", () => {
    expect(isOffered("0.5", 0.5, false)).toBe(true);
    expect(isOffered("0.75", 0.5, false)).toBe(false);
    expect(isOffered("0.75", 0.5, true)).toBe(true);
    expect(isOffered("2", 0.5, true)).toBe(true);
    expect(isOffered("", 0.25, false)).toBe(true);
  });
});
