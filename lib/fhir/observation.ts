import type { AdverseEvent, Observation } from "@medplum/fhirtypes";
import { symptomLabel, WARNING_SIGN_SYMPTOMS, type SymptomCode } from "@/lib/domain/reactions";
import { adverseEventSeverity, bodySite, gradeConcept, SYSTEMS } from "./codes";
import { fhirId, type Referencer } from "./ids";
import { procedureId, reportRecorder } from "./procedure";
import type { ReactionRecord } from "./records";

const SURVEY = { coding: [{ system: SYSTEMS.observationCategory, code: "survey", display: "Survey" }] };

/**
 * A symptom is an adverse event when it is severe (grade 3), or when it is one DOMAIN.md's warning signs
 * at any grade (infection, fever, grouped blisters, tram-track marks, nodules): those need a clinician
 * whatever the grade, and their severity is then the grade the patient gave.
 */
export function isAdverseEvent({ symptom, grade }: { symptom: string; grade: number }): boolean {
  return grade >= 3 || (grade >= 1 && (symptom === "infection" || WARNING_SIGN_SYMPTOMS.includes(symptom as SymptomCode)));
}

/**
 * One survey Observation per symptom the patient graded, the 0–3 grade as its value, part of the session
 * it follows; and an AdverseEvent for each symptom that is one, suspecting that session.
 */
export function toReactionResources(reaction: ReactionRecord, ref: Referencer): (Observation | AdverseEvent)[] {
  const patient = ref("Patient", fhirId("Patient", reaction.patientId));
  const session = reaction.sessionId ? ref("Procedure", procedureId(reaction.sessionId)) : null;
  const site = reaction.area ? bodySite(reaction.area) : undefined;
  const note = [reaction.notes && `Patient's note: ${reaction.notes}`, reaction.onBehalf && "Reported by the patient to clinic staff, who recorded it."]
    .filter((text): text is string => Boolean(text))
    .map((text) => ({ text }));
  const observations = reaction.symptoms.map(
    ({ symptom, grade }): Observation => ({
      resourceType: "Observation",
      id: fhirId("Observation", reaction.id, symptom),
      partOf: session ? [session] : undefined,
      status: "final",
      category: [SURVEY],
      code: { text: symptomLabel(symptom) },
      subject: patient,
      effectiveDateTime: reaction.reportedAt,
      issued: reaction.createdAt,
      // Patient-reported: the patient is the source, whoever typed it in.
      performer: [patient],
      valueCodeableConcept: gradeConcept(grade),
      bodySite: site,
      note: note.length ? note : undefined,
    }),
  );
  const events = reaction.symptoms.filter(isAdverseEvent).map(
    ({ symptom, grade }): AdverseEvent => ({
      resourceType: "AdverseEvent",
      id: fhirId("AdverseEvent", reaction.id, symptom),
      actuality: "actual",
      event: { text: symptomLabel(symptom) },
      subject: patient,
      date: reaction.reportedAt,
      recordedDate: reaction.createdAt,
      recorder: reportRecorder(reaction, ref),
      severity: adverseEventSeverity(grade),
      suspectEntity: session ? [{ instance: session }] : undefined,
    }),
  );
  return [...observations, ...events];
}
