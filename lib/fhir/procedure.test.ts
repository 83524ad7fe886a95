import { describe, expect, it } from "vitest";
import { carePlanId } from "./care-plan";
import { fhirId, referencer } from "./ids";
import { offPlanNote, toProcedure } from "./procedure";
import type { SessionRecord } from "./records";

const ref = referencer("bundle");
const session = (overrides: Partial<SessionRecord> = {}): SessionRecord => ({
  id: "session-1",
  patientId: "patient-1",
  performedAt: "2026-11-01T20:15:00.000Z",
  area: "neck",
  needleMm: 0.25,
  device: "roller",
  sanitized: true,
  patchTestDone: true,
  notes: null,
  flags: [],
  planVersion: 2,
  reportedBy: "patient-user-1",
  onBehalf: false,
  createdAt: "2026-11-01T20:16:00.000Z",
  ...overrides,
});
const patientRef = { reference: `urn:uuid:${fhirId("Patient", "patient-1")}`, type: "Patient" };

describe("toProcedure", () => {
  it("is based on the plan version in force when it was performed, on the SNOMED body site, performed by the patient", () => {
    const procedure = toProcedure(session(), ref);
    expect(procedure).toMatchObject({
      status: "completed",
      performedDateTime: "2026-11-01T20:15:00.000Z",
      basedOn: [{ reference: `urn:uuid:${carePlanId("patient-1", 2)}`, type: "CarePlan" }],
      bodySite: [{ coding: [{ system: "http://snomed.info/sct", code: "45048000" }], text: "Neck" }],
      performer: [{ actor: patientRef }],
      recorder: patientRef,
      usedCode: [{ text: "Microneedling roller, 0.25 mm needles" }],
    });
    expect(procedure.note?.some((n) => n.text.startsWith("Off-plan"))).toBe(false);
  });

  it("has no basedOn when no plan had been decided", () => {
    expect(toProcedure(session({ planVersion: null }), ref).basedOn).toBeUndefined();
  });

  it("keeps the patient as performer and names the clinician as recorder when staff took the report", () => {
    const procedure = toProcedure(session({ onBehalf: true, reportedBy: "clinician-1" }), ref);
    expect(procedure.performer).toEqual([{ actor: patientRef }]);
    expect(procedure.recorder).toEqual({ reference: `urn:uuid:${fhirId("Practitioner", "clinician-1")}`, type: "Practitioner" });
  });

  it("carries the off-plan flags as a note, in words and codes, with sanitizing and the patch test", () => {
    const procedure = toProcedure(session({ flags: ["needle_exceeds_plan", "not_sanitized"], sanitized: false, patchTestDone: null, notes: "Tingled a bit." }), ref);
    expect(procedure.note?.map((n) => n.text)).toEqual([
      "Off-plan when reported: Needle longer than plan [needle_exceeds_plan]; Not sanitized [not_sanitized].",
      "Device sanitized before and after: no.",
      "Patient's note: Tingled a bit.",
    ]);
  });
});

describe("offPlanNote", () => {
  it("is null without flags and keeps an unknown flag's code", () => {
    expect(offPlanNote([])).toBeNull();
    expect(offPlanNote(["some_future_flag"])).toBe("Off-plan when reported: some_future_flag [some_future_flag].");
  });
});
