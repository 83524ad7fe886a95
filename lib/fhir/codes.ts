import type { CodeableConcept, Coding, Quantity } from "@medplum/fhirtypes";
import { AREA_LABELS, DEVICES, formatMm, type Area } from "@/lib/domain/clinical";
import { GRADES } from "@/lib/domain/reactions";

export const SYSTEMS = {
  snomed: "http://snomed.info/sct",
  loinc: "http://loinc.org",
  ucum: "http://unitsofmeasure.org",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  adverseEventSeverity: "http://terminology.hl7.org/CodeSystem/adverse-event-severity",
  identifierType: "http://terminology.hl7.org/CodeSystem/v2-0203",
  dataOperation: "http://terminology.hl7.org/CodeSystem/v3-DataOperation",
  provenanceParticipant: "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
  ordinalValue: "http://hl7.org/fhir/StructureDefinition/ordinalValue",
} as const;

/**
 * SNOMED CT body structures for the areas that have one. Décolletage and "body" have no single concept
 * that means what a clinician means by them, so they travel as text rather than as a wrong code.
 */
const BODY_SITES: Partial<Record<Area, Coding>> = {
  face: { system: SYSTEMS.snomed, code: "89545001", display: "Face structure" },
  neck: { system: SYSTEMS.snomed, code: "45048000", display: "Neck structure" },
  scalp: { system: SYSTEMS.snomed, code: "41695006", display: "Scalp structure" },
  hands: { system: SYSTEMS.snomed, code: "85562004", display: "Hand structure" },
};

export function areaLabel(area: string): string {
  return AREA_LABELS[area as Area] ?? area;
}

export function bodySite(area: string, text = areaLabel(area)): CodeableConcept {
  const coding = BODY_SITES[area as Area];
  return coding ? { coding: [coding], text } : { text };
}

export function millimetres(value: number): Quantity {
  return { value, unit: "mm", system: SYSTEMS.ucum, code: "mm" };
}

export const HOME_MICRONEEDLING: CodeableConcept = { text: "Home microneedling" };

const DEVICE_LABELS: Record<(typeof DEVICES)[number], string> = { roller: "Microneedling roller", pen: "Microneedling pen", stamp: "Microneedling stamp" };

export function deviceUsed(device: string, needleMm: number): CodeableConcept {
  const label = DEVICE_LABELS[device as keyof typeof DEVICE_LABELS] ?? device;
  return { text: `${label}, ${formatMm(needleMm)} mm needles` };
}

/**
 * The PRO-CTCAE-style 0–3 grade as LOINC's answers (None, Mild, Moderate, Severe), with the number a
 * patient chose kept as the coding's ordinal value so a receiver can still compare grades.
 */
const GRADE_ANSWERS = ["LA137-2", "LA6752-5", "LA6751-7", "LA6750-9"] as const;

export function gradeConcept(grade: number): CodeableConcept {
  const answer = GRADE_ANSWERS[grade];
  const label = GRADES.find((g) => g.grade === grade)?.label;
  if (!answer || !label) throw new RangeError(`A reaction grade is 0 to 3, not ${grade}`);
  return {
    coding: [{ extension: [{ url: SYSTEMS.ordinalValue, valueDecimal: grade }], system: SYSTEMS.loinc, code: answer, display: label }],
    text: `${grade} (${label})`,
  };
}

const SEVERITIES = { 1: "mild", 2: "moderate", 3: "severe" } as const;

export function adverseEventSeverity(grade: number): CodeableConcept {
  const code = SEVERITIES[grade as keyof typeof SEVERITIES];
  if (!code) throw new RangeError(`Only grades 1 to 3 have an adverse event severity, not ${grade}`);
  const display = code[0]!.toUpperCase() + code.slice(1);
  return { coding: [{ system: SYSTEMS.adverseEventSeverity, code, display }], text: display };
}
