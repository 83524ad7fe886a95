import { describe, expect, it } from "vitest";
import { healthChangeAlert, holdsEndedByDecision, newContraindicationAlert, pausesForReaction, reachNote, withPauseNote, type OpenHold } from "./holds";

describe("pausesForReaction", () => {
  it("pauses for a high alert of a warning sign, and for nothing else", () => {
    expect(pausesForReaction({ kind: "infection", severity: "high", summary: "" })).toBe(true);
    expect(pausesForReaction({ kind: "warning_sign", severity: "high", summary: "" })).toBe(true);
    expect(pausesForReaction({ kind: "severe_reaction", severity: "high", summary: "" })).toBe(true);
    expect(pausesForReaction({ kind: "persistent_reaction", severity: "high", summary: "" })).toBe(false);
    expect(pausesForReaction({ kind: "lasting_symptom", severity: "normal", summary: "" })).toBe(false);
    expect(pausesForReaction(null)).toBe(false);
  });
});

describe("what an alert says the patient was told", () => {
  it("claims the portal only when the patient can sign in to it", () => {
    expect(reachNote({ portalActive: true, phone: "+1 555 0100" })).toBe("The patient is shown a stop notice in the portal.");
    expect(reachNote({ portalActive: false, phone: "+1 555 0100" })).toContain("no portal access: call them on +1 555 0100");
    expect(reachNote({ portalActive: false, phone: null })).toContain("no phone number on record");
  });

  it("adds the pause and the reach to a warning sign's alert", () => {
    const alert = withPauseNote({ kind: "infection", severity: "high", summary: "Possible infection (grade 2)." }, { portalActive: false, phone: null });
    expect(alert.summary).toMatch(/^Possible infection \(grade 2\)\. Home microneedling is paused until a clinician clears it\. The patient has no portal access/);
  });

  it("names the items and the responsible clinician of a new contraindication", () => {
    expect(newContraindicationAlert(["Pregnancy or breastfeeding"], "Dr. Rivera", { portalActive: true, phone: null })).toMatchObject({
      kind: "new_contraindication",
      severity: "high",
      summary: expect.stringMatching(/Pregnancy or breastfeeding.*Dr\. Rivera.*shown a stop notice/),
    });
  });
});

describe("healthChangeAlert", () => {
  const reach = { portalActive: true, phone: null };
  it("is high when any item blocks, naming the blocking ones first", () => {
    const alert = healthChangeAlert(
      [
        { item: "cardiac", label: "Cardiac abnormality", class: "review", note: null },
        { item: "pregnancy", label: "Pregnancy or breastfeeding", class: "block", note: null },
      ],
      "patient",
      reach,
    );
    expect(alert.severity).toBe("high");
    expect(alert.summary).toMatch(/^The patient reported a change in health: blocking: Pregnancy or breastfeeding; to review: Cardiac abnormality\. Home microneedling is paused/);
  });

  it("is normal for review items, says who wrote it down, and keeps the plan usable", () => {
    const alert = healthChangeAlert([{ item: "other_medicine", label: "Another new medicine", class: "review", note: "Metformin" }], "staff", reach);
    expect(alert).toMatchObject({ kind: "health_change", severity: "normal" });
    expect(alert.summary).toBe("Staff recorded, from the patient, a change in health: to review: Another new medicine (Metformin). The plan stays usable until a clinician reviews it.");
  });
});

describe("holdsEndedByDecision", () => {
  const since = "2026-12-01T10:00:00.000Z";
  const hold = (o: Partial<OpenHold>): OpenHold => ({ id: o.reason ?? "h", kind: "pause", reason: "warning_sign", items: [], since, ...o });
  const holds = [
    hold({ id: "warning", reason: "warning_sign" }),
    hold({ id: "contra", reason: "contraindication", items: ["pregnancy"] }),
    hold({ id: "told", reason: "health_change", items: ["isotretinoin"] }),
    hold({ id: "review", kind: "review", reason: "review_item", items: ["rosacea"] }),
  ];

  it("never ends a warning sign: a clinician clears it with a note", () => {
    expect(holdsEndedByDecision(holds, { decision: "approved", screeningRecordedAt: "2026-12-02T00:00:00.000Z", acknowledgedReviewItems: ["rosacea"] })).toEqual(["contra", "told", "review"]);
  });

  it("ends a contraindication or health change only with an approval on a screening recorded since", () => {
    expect(holdsEndedByDecision(holds, { decision: "approved", screeningRecordedAt: since, acknowledgedReviewItems: [] })).toEqual(["contra", "told", "review"]);
    expect(holdsEndedByDecision(holds, { decision: "approved", screeningRecordedAt: "2026-11-30T00:00:00.000Z", acknowledgedReviewItems: [] })).toEqual([]);
    expect(holdsEndedByDecision(holds, { decision: "suspended", screeningRecordedAt: "2026-12-02T00:00:00.000Z", acknowledgedReviewItems: ["rosacea"] })).toEqual([]);
  });

  it("ends a review hold when the approval acknowledges its items", () => {
    expect(holdsEndedByDecision(holds, { decision: "approved", screeningRecordedAt: null, acknowledgedReviewItems: ["rosacea"] })).toEqual(["review"]);
  });
});
