import type { AdverseEvent, Observation } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { fhirId, referencer } from "./ids";
import { isAdverseEvent, toReactionResources } from "./observation";
import type { ReactionRecord } from "./records";

const ref = referencer("bundle");
const reaction = (overrides: Partial<ReactionRecord> = {}): ReactionRecord => ({
  id: "reaction-1",
  patientId: "patient-1",
  sessionId: "session-1",
  area: "face",
  reportedAt: "2026-11-02T08:00:00.000Z",
  symptoms: [
    { symptom: "erythema", grade: 2 },
    { symptom: "swelling", grade: 0 },
  ],
  notes: null,
  reportedBy: "patient-user-1",
  onBehalf: false,
  createdAt: "2026-11-02T08:01:00.000Z",
  ...overrides,
});
const procedureRef = { reference: `urn:uuid:${fhirId("Procedure", "session-1")}`, type: "Procedure" };
const patientRef = { reference: `urn:uuid:${fhirId("Patient", "patient-1")}`, type: "Patient" };
const observations = (resources: (Observation | AdverseEvent)[]) => resources.filter((r): r is Observation => r.resourceType === "Observation");
const events = (resources: (Observation | AdverseEvent)[]) => resources.filter((r): r is AdverseEvent => r.resourceType === "AdverseEvent");

describe("toReactionResources", () => {
  it("makes one patient-reported survey Observation per symptom, the grade coded with its display, part of the session", () => {
    const [redness, swelling] = observations(toReactionResources(reaction(), ref));
    expect(redness).toMatchObject({
      status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey" }] }],
      code: { text: "Redness" },
      performer: [patientRef],
      partOf: [procedureRef],
      effectiveDateTime: "2026-11-02T08:00:00.000Z",
      bodySite: { coding: [{ code: "89545001" }] },
      valueCodeableConcept: {
        coding: [{ system: "http://loinc.org", code: "LA6751-7", display: "Moderate", extension: [{ url: "http://hl7.org/fhir/StructureDefinition/ordinalValue", valueDecimal: 2 }] }],
        text: "2 (Moderate)",
      },
    });
    // Grade 0 is an answer too ("none"), not a missing one.
    expect(swelling?.valueCodeableConcept?.coding?.[0]).toMatchObject({ code: "LA137-2", display: "None" });
  });

  it("gives a reaction without a session no partOf and no suspect", () => {
    const resources = toReactionResources(reaction({ sessionId: null, symptoms: [{ symptom: "pain", grade: 3 }] }), ref);
    expect(observations(resources)[0]?.partOf).toBeUndefined();
    expect(events(resources)[0]?.suspectEntity).toBeUndefined();
  });

  it("adds no AdverseEvent for mild or moderate ordinary symptoms", () => {
    expect(events(toReactionResources(reaction(), ref))).toEqual([]);
  });

  it("adds a severe AdverseEvent for a grade-3 symptom, suspecting the session's Procedure", () => {
    const [event, ...others] = events(toReactionResources(reaction({ symptoms: [{ symptom: "pain", grade: 3 }, { symptom: "erythema", grade: 2 }] }), ref));
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      actuality: "actual",
      subject: patientRef,
      event: { text: "Pain or burning" },
      severity: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/adverse-event-severity", code: "severe", display: "Severe" }] },
      suspectEntity: [{ instance: procedureRef }],
      recorder: patientRef,
    });
  });

  it("treats a warning sign as an adverse event at any grade, with the grade's severity", () => {
    const found = events(toReactionResources(reaction({ symptoms: [{ symptom: "infection", grade: 1 }, { symptom: "blistering", grade: 2 }] }), ref));
    expect(found.map((e) => [e.event?.text, e.severity?.coding?.[0]?.code])).toEqual([
      ["Signs of infection (pus, honey-coloured crust, spreading warmth)", "mild"],
      ["Grouped blisters (possible cold-sore flare)", "moderate"],
    ]);
  });
});

describe("isAdverseEvent", () => {
  it("is grade 3 of anything, or a warning sign from grade 1; never grade 0", () => {
    expect(isAdverseEvent({ symptom: "erythema", grade: 3 })).toBe(true);
    expect(isAdverseEvent({ symptom: "erythema", grade: 2 })).toBe(false);
    expect(isAdverseEvent({ symptom: "infection", grade: 1 })).toBe(true);
    expect(isAdverseEvent({ symptom: "infection", grade: 0 })).toBe(false);
    expect(isAdverseEvent({ symptom: "fever", grade: 1 })).toBe(true);
  });
});
