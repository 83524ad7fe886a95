import type { Annotation, Procedure } from "@medplum/fhirtypes";
import { FLAG_LABELS, type SessionFlag } from "@/lib/domain/session-flags";
import { carePlanId } from "./care-plan";
import { bodySite, deviceUsed, HOME_MICRONEEDLING } from "./codes";
import { fhirId, type Referencer } from "./ids";
import type { ReportTrail, SessionRecord } from "./records";

export const procedureId = (sessionId: string) => fhirId("Procedure", sessionId);

/** Who wrote a report down: the patient, or the staff member who took it by phone. */
export function reportRecorder(report: ReportTrail & { patientId: string }, ref: Referencer) {
  return report.onBehalf ? ref("Practitioner", fhirId("Practitioner", report.reportedBy)) : ref("Patient", fhirId("Patient", report.patientId));
}

/** "Off-plan when reported: Needle longer than plan [needle_exceeds_plan]; …": words for people, codes for machines. */
export function offPlanNote(flags: readonly string[]): string | null {
  if (flags.length === 0) return null;
  const described = flags.map((flag) => `${FLAG_LABELS[flag as SessionFlag] ?? flag} [${flag}]`);
  return `Off-plan when reported: ${described.join("; ")}.`;
}

/**
 * A logged home session. The patient performed it at home, also when staff recorded it from a phone call
 * (then the clinician is the recorder). `basedOn` is the plan version in force when it was performed,
 * the one its flags were judged against; none when no plan had been decided yet.
 */
export function toProcedure(session: SessionRecord, ref: Referencer): Procedure {
  const patient = ref("Patient", fhirId("Patient", session.patientId));
  const notes: Annotation[] = [
    offPlanNote(session.flags),
    `Device sanitized before and after: ${session.sanitized ? "yes" : "no"}.`,
    session.patchTestDone !== null && `Patch test done first: ${session.patchTestDone ? "yes" : "no"}.`,
    session.notes && `Patient's note: ${session.notes}`,
  ]
    .filter((text): text is string => Boolean(text))
    .map((text) => ({ text }));
  return {
    resourceType: "Procedure",
    id: procedureId(session.id),
    basedOn: session.planVersion !== null ? [ref("CarePlan", carePlanId(session.patientId, session.planVersion))] : undefined,
    status: "completed",
    code: HOME_MICRONEEDLING,
    subject: patient,
    performedDateTime: session.performedAt,
    recorder: reportRecorder(session, ref),
    asserter: patient,
    performer: [{ actor: patient }],
    bodySite: [bodySite(session.area)],
    usedCode: [deviceUsed(session.device, session.needleMm)],
    note: notes,
  };
}
