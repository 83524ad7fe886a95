import { describe, expect, it } from "vitest";
import { carePlanId, carePlanStatus, minimumIntervalTiming, toPlanResources } from "./care-plan";
import { standingGuidanceText } from "@/lib/domain/standing-guidance";
import { fhirId, referencer } from "./ids";
import type { PlanStanding, PlanVersionRecord } from "./records";

const ref = referencer("bundle");
const plan = (overrides: Partial<PlanVersionRecord> = {}): PlanVersionRecord => ({
  patientId: "patient-1",
  version: 1,
  decision: "approved",
  areas: [
    { area: "face", maxNeedleMm: 0.5 },
    { area: "decolletage", maxNeedleMm: 0.25 },
  ],
  minIntervalDays: 7,
  reviewBy: "2026-12-31",
  instructions: "Sanitize before and after.",
  reason: null,
  contraindicationOverride: null,
  intervalOverrideReason: null,
  decidedBy: "clinician-1",
  decidedAt: "2026-10-01T09:00:00.000Z",
  ...overrides,
});
const standing = (overrides: Partial<PlanStanding> = {}): PlanStanding => ({ latestVersion: 1, pausedForReview: false, today: "2026-11-22", ...overrides });

describe("carePlanStatus", () => {
  it("is active for the latest approval within its review date (the review date itself included)", () => {
    expect(carePlanStatus(plan(), standing())).toBe("active");
    expect(carePlanStatus(plan({ reviewBy: "2026-11-22" }), standing())).toBe("active");
  });
  it("is revoked for a superseded version, whatever it decided", () => {
    for (const decision of ["approved", "suspended", "denied"] as const) expect(carePlanStatus(plan({ decision }), standing({ latestVersion: 2 }))).toBe("revoked");
  });
  it("is revoked for a denial and on hold for a suspension", () => {
    expect(carePlanStatus(plan({ decision: "denied" }), standing())).toBe("revoked");
    expect(carePlanStatus(plan({ decision: "suspended" }), standing())).toBe("on-hold");
  });
  it("is on hold while a new contraindication pauses the approval, and completed once the review date has passed", () => {
    expect(carePlanStatus(plan(), standing({ pausedForReview: true }))).toBe("on-hold");
    expect(carePlanStatus(plan({ reviewBy: "2026-11-21" }), standing())).toBe("completed");
  });
});

describe("minimumIntervalTiming", () => {
  it("is once per period of the minimum interval in days, said to be a ceiling", () => {
    expect(minimumIntervalTiming(7)).toEqual({ repeat: { frequency: 1, period: 7, periodUnit: "d" }, code: { text: "At most one session every 7 days in each area" } });
    expect(minimumIntervalTiming(1).code?.text).toBe("At most one session every 1 day in each area");
  });
});

describe("toPlanResources", () => {
  it("makes an approval a CarePlan whose activity references a DeviceRequest with the limits in mm per body site", () => {
    const [carePlan, device, provenance] = toPlanResources(plan(), standing(), ref);
    expect(device?.resourceType).toBe("DeviceRequest");
    expect(carePlan.activity).toEqual([{ reference: { reference: `urn:uuid:${device!.id}`, type: "DeviceRequest" } }]);
    expect(carePlan).toMatchObject({ status: "active", intent: "plan", author: { reference: `urn:uuid:${fhirId("Practitioner", "clinician-1")}` }, period: { start: "2026-10-01T09:00:00.000Z", end: "2026-12-31" } });
    if (device?.resourceType !== "DeviceRequest") throw new Error("no DeviceRequest");
    expect(device.parameter).toEqual([
      {
        code: { coding: [{ system: "http://snomed.info/sct", code: "89545001", display: "Face structure" }], text: "Maximum needle length: Face, up to 0.5 mm" },
        valueQuantity: { value: 0.5, unit: "mm", system: "http://unitsofmeasure.org", code: "mm" },
      },
      // No SNOMED concept means décolletage: text, never a wrong code.
      { code: { text: "Maximum needle length: Décolletage, up to 0.25 mm" }, valueQuantity: { value: 0.25, unit: "mm", system: "http://unitsofmeasure.org", code: "mm" } },
    ]);
    expect(device.occurrenceTiming?.repeat).toEqual({ frequency: 1, period: 7, periodUnit: "d" });
    expect(provenance).toMatchObject({ resourceType: "Provenance", recorded: "2026-10-01T09:00:00.000Z", agent: [{ who: { type: "Practitioner" } }] });
    if (provenance?.resourceType !== "Provenance") throw new Error("no Provenance");
    expect(provenance.target.map((t) => t.type)).toEqual(["CarePlan", "DeviceRequest"]);
  });

  it("links each later version to the one it replaces, and the first to none", () => {
    expect(toPlanResources(plan(), standing(), ref)[0].replaces).toBeUndefined();
    const [second] = toPlanResources(plan({ version: 2 }), standing({ latestVersion: 2 }), ref);
    expect(second.replaces).toEqual([{ reference: `urn:uuid:${carePlanId("patient-1", 1)}`, type: "CarePlan" }]);
  });

  it("makes a denial a revoked CarePlan whose activity must not be performed, with the reason, and no DeviceRequest", () => {
    const resources = toPlanResources(plan({ decision: "denied", areas: [], minIntervalDays: null, reviewBy: null, reason: "Active acne on the cheeks." }), standing(), ref);
    expect(resources.map((r) => r.resourceType)).toEqual(["CarePlan", "Provenance"]);
    expect(resources[0]).toMatchObject({ status: "revoked", activity: [{ detail: { doNotPerform: true, reasonCode: [{ text: "Active acne on the cheeks." }] } }] });
    expect(resources[0].period).toBeUndefined();
  });

  it("puts a suspension on hold with its reason", () => {
    const [carePlan] = toPlanResources(plan({ decision: "suspended", areas: [], minIntervalDays: null, reviewBy: null, reason: "Infection reported." }), standing(), ref);
    expect(carePlan).toMatchObject({ status: "on-hold", activity: [{ detail: { status: "on-hold", statusReason: { text: "Infection reported." } } }] });
    expect(carePlan.activity?.[0]?.detail?.doNotPerform).toBeUndefined();
  });

  it("gives a superseded approval's DeviceRequest the CarePlan's revoked status", () => {
    const [carePlan, device] = toPlanResources(plan(), standing({ latestVersion: 3 }), ref);
    expect([carePlan.status, device && "status" in device ? device.status : null]).toEqual(["revoked", "revoked"]);
  });

  it("keeps the clinician's instructions, by them, and overrides as notes", () => {
    const [carePlan] = toPlanResources(plan({ contraindicationOverride: "Prescriber agrees.", intervalOverrideReason: "Scalp study protocol." }), standing(), ref);
    expect(carePlan.note?.map((n) => n.text)).toEqual([
      "Clinician's instructions: Sanitize before and after.",
      "Contraindication override: Prescriber agrees.",
      "Interval below the clinic floor: Scalp study protocol.",
    ]);
    expect(carePlan.note?.[0]?.authorReference).toEqual({ reference: `urn:uuid:${fhirId("Practitioner", "clinician-1")}`, type: "Practitioner" });
    expect(toPlanResources(plan({ instructions: null }), standing(), ref)[0].note).toBeUndefined();
  });

  it("gives every approval the standing guidance as its description, and a denial or suspension none", () => {
    const [approved] = toPlanResources(plan(), standing(), ref);
    expect(approved.description).toBe(standingGuidanceText());
    expect(approved.description).toMatch(/^Stop microneedling and call your clinic if you notice:/);
    for (const decision of ["denied", "suspended"] as const) {
      const [refused] = toPlanResources(plan({ decision, areas: [], minIntervalDays: null, reviewBy: null, reason: "Infection reported." }), standing(), ref);
      expect(refused.description).toBeUndefined();
    }
  });
});
