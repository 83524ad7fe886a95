import { describe, expect, it } from "vitest";
import { fhirId, referencer, uuidV5 } from "./ids";

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuidV5", () => {
  it("matches RFC 4122's algorithm (the DNS namespace's www.example.com, as every uuid library gives it)", () => {
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });
});

describe("fhirId", () => {
  it("is a version 5 UUID, the same for the same record in every export", () => {
    const id = fhirId("Patient", "8d3c2f9e-1111-4222-8333-944455556666");
    expect(id).toMatch(UUID_V5);
    expect(fhirId("Patient", "8d3c2f9e-1111-4222-8333-944455556666")).toBe(id);
  });

  it("differs by resource type, so one row's resources never share an id", () => {
    const row = "a1b2c3d4-0000-4000-8000-000000000001";
    const ids = new Set(["Procedure", "Observation", "AdverseEvent", "Patient"].map((type) => fhirId(type as "Patient", row)));
    expect(ids.size).toBe(4);
  });

  it("keeps keys apart: (patient, version 1) + 2 is not (patient, version 12)", () => {
    expect(fhirId("CarePlan", "p", 1, 2)).not.toBe(fhirId("CarePlan", "p", 12));
    expect(fhirId("CarePlan", "p", 12)).not.toBe(fhirId("CarePlan", "p", 1));
  });
});

describe("referencer", () => {
  it("writes urn:uuid references for a bundle and relative ones for NDJSON, with the type either way", () => {
    expect(referencer("bundle")("Patient", "x")).toEqual({ reference: "urn:uuid:x", type: "Patient" });
    expect(referencer("relative")("Patient", "x")).toEqual({ reference: "Patient/x", type: "Patient" });
  });
});
