import { describe, expect, it } from "vitest";
import { benchEndpoints, selectEndpoints } from "./endpoints";
import { parseBenchOptions } from "./options";

const facts = {
  longest: { id: "p-heavy", sessions: 700 },
  portalPatientId: "p-own",
  rosterPages: 500,
  searchTerm: "Fernandes",
  writePatientIds: ["w1", "w2"],
} as unknown as Parameters<typeof benchEndpoints>[0];

describe("--only", () => {
  it("keeps the named targets and both floor runs, in their order", () => {
    const { only } = parseBenchOptions(["--only", "roster page, page /portal"]);
    expect(only).toEqual(["roster page", "page /portal"]);
    expect(selectEndpoints(benchEndpoints(facts), only).map((e) => e.name)).toEqual([
      "health (floor)",
      "roster page 1",
      "roster page 150",
      "page /portal",
      "health (floor, again)",
    ]);
  });

  it("measures everything when not given", () => {
    const all = benchEndpoints(facts);
    expect(selectEndpoints(all, parseBenchOptions([]).only)).toEqual(all);
  });
});
