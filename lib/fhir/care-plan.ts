import type { Annotation, CarePlan, CarePlanActivity, DeviceRequest, Provenance, Timing } from "@medplum/fhirtypes";
import { formatMm } from "@/lib/domain/clinical";
import { standingGuidanceText } from "@/lib/domain/standing-guidance";
import { areaLabel, bodySite, HOME_MICRONEEDLING, millimetres, SYSTEMS } from "./codes";
import { fhirId, type Referencer } from "./ids";
import type { PlanStanding, PlanVersionRecord } from "./records";

export type CarePlanStatus = "active" | "on-hold" | "revoked" | "completed";

/**
 * Only the latest version is in force: earlier ones were superseded (revoked). A denial is revoked too;
 * a suspension is on hold. An approval is on hold while a newly screened contraindication pauses it, and
 * completed once its review date has passed: "active" would tell a receiving system the patient may still
 * microneedle.
 */
export function carePlanStatus(plan: Pick<PlanVersionRecord, "version" | "decision" | "reviewBy">, standing: PlanStanding): CarePlanStatus {
  if (plan.version < standing.latestVersion || plan.decision === "denied") return "revoked";
  if (plan.decision === "suspended") return "on-hold";
  if (plan.reviewBy !== null && plan.reviewBy < standing.today) return "completed";
  return standing.pausedForReview ? "on-hold" : "active";
}

export const carePlanId = (patientId: string, version: number) => fhirId("CarePlan", patientId, version);
const deviceRequestId = (patientId: string, version: number) => fhirId("DeviceRequest", patientId, version);

/**
 * "At most once every N days in one area": FHIR's Timing has no minimum interval, so the interval is the
 * period of a frequency of one, and the code says in words that it is a ceiling, not a schedule.
 */
export function minimumIntervalTiming(days: number): Timing {
  return {
    repeat: { frequency: 1, period: days, periodUnit: "d" },
    code: { text: `At most one session every ${days} ${days === 1 ? "day" : "days"} in each area` },
  };
}

/**
 * One version of the plan: the CarePlan, the device limits it approves (a DeviceRequest its activity
 * references; R4's cpl-3 forbids an activity to carry both a reference and a detail, so the frequency rides
 * on the request's occurrence) and a Provenance naming the deciding clinician.
 */
export function toPlanResources(plan: PlanVersionRecord, standing: PlanStanding, ref: Referencer): [CarePlan, ...(DeviceRequest | Provenance)[]] {
  const status = carePlanStatus(plan, standing);
  const patient = ref("Patient", fhirId("Patient", plan.patientId));
  const author = ref("Practitioner", fhirId("Practitioner", plan.decidedBy));
  const device = plan.decision === "approved" ? toDeviceRequest(plan, status, ref) : null;
  const carePlan: CarePlan = {
    resourceType: "CarePlan",
    id: carePlanId(plan.patientId, plan.version),
    status,
    intent: "plan",
    title: `Home microneedling plan, version ${plan.version}`,
    // Every approval carries the standing guidance the portal shows; the clinician's own words are a note.
    description: plan.decision === "approved" ? standingGuidanceText() : undefined,
    subject: patient,
    period: plan.decision === "approved" ? { start: plan.decidedAt, end: plan.reviewBy ?? undefined } : undefined,
    created: plan.decidedAt,
    author,
    replaces: plan.version > 1 ? [ref("CarePlan", carePlanId(plan.patientId, plan.version - 1))] : undefined,
    activity: [device ? { reference: ref("DeviceRequest", device.id!) } : refusedActivity(plan)],
    note: planNotes(plan, author),
  };
  const provenance: Provenance = {
    resourceType: "Provenance",
    id: fhirId("Provenance", plan.patientId, plan.version),
    target: [ref("CarePlan", carePlan.id!), ...(device ? [ref("DeviceRequest", device.id!)] : [])],
    occurredDateTime: plan.decidedAt,
    recorded: plan.decidedAt,
    activity: { coding: [{ system: SYSTEMS.dataOperation, code: "CREATE", display: "create" }] },
    agent: [{ type: { coding: [{ system: SYSTEMS.provenanceParticipant, code: "author", display: "Author" }] }, who: author }],
    entity: plan.version > 1 ? [{ role: "revision", what: ref("CarePlan", carePlanId(plan.patientId, plan.version - 1)) }] : undefined,
  };
  return device ? [carePlan, device, provenance] : [carePlan, provenance];
}

function toDeviceRequest(plan: PlanVersionRecord, status: CarePlanStatus, ref: Referencer): DeviceRequest {
  return {
    resourceType: "DeviceRequest",
    id: deviceRequestId(plan.patientId, plan.version),
    status,
    intent: "order",
    codeCodeableConcept: { text: "Home microneedling device (roller, pen or stamp)" },
    // One parameter per approved area: the body site names which limit it is, the quantity the limit.
    parameter: plan.areas.map((limit) => ({
      code: bodySite(limit.area, `Maximum needle length: ${areaLabel(limit.area)}, up to ${formatMm(limit.maxNeedleMm)} mm`),
      valueQuantity: millimetres(limit.maxNeedleMm),
    })),
    subject: ref("Patient", fhirId("Patient", plan.patientId)),
    occurrenceTiming: plan.minIntervalDays !== null ? minimumIntervalTiming(plan.minIntervalDays) : undefined,
    authoredOn: plan.decidedAt,
    requester: ref("Practitioner", fhirId("Practitioner", plan.decidedBy)),
  };
}

/** A denial forbids home microneedling (doNotPerform) with its reason; a suspension puts it on hold. */
function refusedActivity(plan: PlanVersionRecord): CarePlanActivity {
  const reason = plan.reason ? [{ text: plan.reason }] : undefined;
  if (plan.decision === "denied") return { detail: { code: HOME_MICRONEEDLING, status: "not-started", doNotPerform: true, reasonCode: reason } };
  return { detail: { code: HOME_MICRONEEDLING, status: "on-hold", statusReason: reason?.[0] } };
}

/** The clinician's instructions (by them) and overrides, each as a note at the decision's time. */
function planNotes(plan: PlanVersionRecord, author: Annotation["authorReference"]): Annotation[] | undefined {
  const instructions: Annotation[] = plan.instructions ? [{ authorReference: author, time: plan.decidedAt, text: `Clinician's instructions: ${plan.instructions}` }] : [];
  const overrides = [
    plan.contraindicationOverride && `Contraindication override: ${plan.contraindicationOverride}`,
    plan.intervalOverrideReason && `Interval below the clinic floor: ${plan.intervalOverrideReason}`,
  ].filter((text): text is string => Boolean(text));
  const notes = [...instructions, ...overrides.map((text) => ({ text, time: plan.decidedAt }))];
  return notes.length ? notes : undefined;
}
