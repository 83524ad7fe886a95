import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { auditEvents, clinicSettingsProposals } from "@/db/schema";
import type { Actor } from "@/lib/auth/types";
import type { ClinicSettings } from "@/lib/domain/clinic-settings";
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { clinicSettingsSchema } from "@/lib/validation/clinic-settings";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { getClinicSettings, updateClinicSettings } from "./clinic-settings";
import { listSettingsChanges } from "./settings-history";
import { confirmSettingsProposal, listPendingSettingsProposals, listSettingsProposals, withdrawSettingsProposal } from "./settings-proposals";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const HOUR = 3_600_000;
const REASON = "Small keloid history on the chest only; treated areas never scarred after procedures.";
const rivera = () => actorFor(db, "rivera@northside.test");
const okafor = () => actorFor(db, "okafor@northside.test");
const admin = () => actorFor(db, "admin@northside.test");
const lee = () => actorFor(db, "lee@patient.test");
const chen = () => actorFor(db, "chen@southbay.test");
const classOf = (item: keyof ClinicSettings["screeningClasses"]) => getClinicSettings(rivera()).screeningClasses[item];

/** Saves the clinic's current settings with one change, as the settings form would. */
function save(actor: Actor, change: (s: ClinicSettings) => void, reason?: string, now = new Date()) {
  const settings = structuredClone(getClinicSettings(rivera()));
  change(settings);
  return updateClinicSettings(actor, clinicSettingsSchema.parse({ ...settings, reason }), now);
}

function propose(item: keyof ClinicSettings["screeningClasses"], now: Date, by = rivera()) {
  const result = save(by, (s) => (s.screeningClasses[item] = "review"), REASON, now);
  if (result.kind !== "proposed") throw new Error(`expected a proposal for ${item}`);
  return result;
}

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a refusal");
};

const auditRows = (action: string, outcome: "success" | "denied") =>
  db.select({ detail: auditEvents.detail, actorId: auditEvents.actorId }).from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.outcome, outcome))).all();

describe("loosening a block class takes two people", () => {
  it("needs a justification to propose, and never loosens the three absolute blocks", () => {
    for (const reason of [undefined, "aaaaaaaaaaaaa", "ok ok ok ok ok"]) {
      const error = refusal(() => save(rivera(), (s) => (s.screeningClasses.keloid = "review"), reason));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.issues?.[0]).toMatchObject({ path: "reason", rule: "loosening_reason_required" });
    }
    expect(auditRows("clinic_settings.propose", "denied")).toHaveLength(3);
    expect(refusal(() => save(rivera(), (s) => (s.screeningClasses.pregnancy = "review"), REASON)).issues?.[0]?.rule).toBe("screening_always_blocks");
    // An admin may confirm a loosening, never propose one.
    expect(refusal(() => save(admin(), (s) => (s.screeningClasses.keloid = "review"), REASON))).toBeInstanceOf(ForbiddenError);
    expect(classOf("keloid")).toBe("block");
    expect(db.select().from(clinicSettingsProposals).all()).toHaveLength(0);
  });

  it("holds the old setting until a second clinician confirms within 24 hours; the proposer cannot confirm", async () => {
    const t = new Date();
    const { proposal, settings, appliedNow } = propose("keloid", t);
    expect(settings.screeningClasses.keloid).toBe("block");
    expect(appliedNow).toBe(false);
    expect(proposal).toMatchObject({ state: "pending", reason: REASON, loosened: [{ item: "keloid" }], proposedBy: { id: rivera().id }, expiresAt: new Date(t.getTime() + 24 * HOUR).toISOString() });
    expect(classOf("keloid")).toBe("block");
    expect(auditRows("clinic_settings.propose", "success").map((r) => JSON.parse(r.detail!).proposalId)).toEqual([proposal.id]);

    expect(refusal(() => confirmSettingsProposal(rivera(), proposal.id, t))).toBeInstanceOf(ForbiddenError);
    expect(refusal(() => confirmSettingsProposal(lee(), proposal.id, t))).toBeInstanceOf(ForbiddenError);
    expect(refusal(() => confirmSettingsProposal(chen(), proposal.id, t))).toBeInstanceOf(NotFoundError);
    expect(refusal(() => confirmSettingsProposal(okafor(), "not-a-uuid", t))).toBeInstanceOf(NotFoundError);
    expect(refusal(() => withdrawSettingsProposal(okafor(), proposal.id, t))).toBeInstanceOf(ForbiddenError);
    expect(classOf("keloid")).toBe("block");

    const confirmed = confirmSettingsProposal(okafor(), proposal.id, new Date(t.getTime() + 23 * HOUR));
    expect(confirmed.settings.screeningClasses.keloid).toBe("review");
    expect(confirmed.proposal).toMatchObject({ state: "confirmed", confirmedBy: { id: okafor().id } });
    expect(classOf("keloid")).toBe("review");
    expect(refusal(() => confirmSettingsProposal(admin(), proposal.id, t))).toBeInstanceOf(ConflictError);
    const [success] = auditRows("clinic_settings.confirm", "success");
    expect(success?.actorId).toBe(okafor().id);
    expect(JSON.parse(success!.detail!)).toMatchObject({ proposalId: proposal.id, proposedBy: rivera().id, loosened: ["keloid"] });
    // Refusals inside the rolled-back transaction are written just after it (lib/data/audit-refusals.ts).
    await new Promise((resolve) => setTimeout(resolve, 0));
    const denied = auditRows("clinic_settings.confirm", "denied").map((r) => JSON.parse(r.detail!).reason);
    expect(denied).toEqual(expect.arrayContaining(["own_proposal", "not_found", "confirmed"]));
  });

  it("lets an admin confirm, and tightening back never waits", () => {
    const { proposal } = propose("immunosuppression", new Date());
    expect(confirmSettingsProposal(admin(), proposal.id).settings.screeningClasses.immunosuppression).toBe("review");
    const back = save(rivera(), (s) => {
      s.screeningClasses.immunosuppression = "block";
      s.screeningClasses.keloid = "block";
    });
    expect(back.kind).toBe("saved");
    expect([classOf("immunosuppression"), classOf("keloid")]).toEqual(["block", "block"]);
  });

  it("lets a proposal expire after 24 hours, unconfirmed", () => {
    const t = new Date();
    const { proposal } = propose("collagen_vascular", t);
    const error = refusal(() => confirmSettingsProposal(okafor(), proposal.id, new Date(t.getTime() + 24 * HOUR)));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/expired/);
    expect(classOf("collagen_vascular")).toBe("block");
    expect(listPendingSettingsProposals(okafor(), new Date(t.getTime() + 24 * HOUR)).map((p) => p.id)).not.toContain(proposal.id);
    expect(listPendingSettingsProposals(okafor(), new Date(t.getTime() + HOUR)).map((p) => p.id)).toContain(proposal.id);
  });

  it("refuses a confirmation once the settings changed since the proposal (409), while tightening applies at once", () => {
    const t = new Date();
    const { proposal } = propose("skin_cancer", t);
    const tightened = save(rivera(), (s) => (s.screeningValidityDays = 60), undefined, new Date(t.getTime() + HOUR));
    expect(tightened.kind).toBe("saved");
    expect(getClinicSettings(okafor()).screeningValidityDays).toBe(60);
    expect(listPendingSettingsProposals(okafor(), new Date(t.getTime() + 2 * HOUR)).find((p) => p.id === proposal.id)?.state).toBe("superseded");
    const error = refusal(() => confirmSettingsProposal(okafor(), proposal.id, new Date(t.getTime() + 2 * HOUR)));
    expect(error).toBeInstanceOf(ConflictError);
    expect(classOf("skin_cancer")).toBe("block");
    save(rivera(), (s) => (s.screeningValidityDays = 90));
  });

  it("applies the rest of a mixed save at once and the loosening only on confirmation", () => {
    const t = new Date();
    const mixed = save(
      rivera(),
      (s) => {
        s.screeningClasses.active_acne = "review";
        s.rednessExtraSpacingDays = 10;
      },
      REASON,
      t,
    );
    expect(mixed).toMatchObject({ kind: "proposed", appliedNow: true, settings: { rednessExtraSpacingDays: 10, screeningClasses: { active_acne: "block" } } });
    if (mixed.kind !== "proposed") return;
    const { settings } = confirmSettingsProposal(okafor(), mixed.proposal.id, new Date(t.getTime() + HOUR));
    expect(settings).toMatchObject({ rednessExtraSpacingDays: 10, screeningClasses: { active_acne: "review" } });
    save(rivera(), (s) => {
      s.screeningClasses.active_acne = "block";
      s.rednessExtraSpacingDays = 7;
    });
  });

  it("lets the proposer or an admin withdraw a pending proposal, which then cannot be confirmed", () => {
    const t = new Date();
    const first = propose("keloid", t).proposal;
    expect(withdrawSettingsProposal(rivera(), first.id, t).state).toBe("withdrawn");
    expect(refusal(() => confirmSettingsProposal(okafor(), first.id, t))).toBeInstanceOf(ConflictError);
    expect(refusal(() => withdrawSettingsProposal(rivera(), first.id, t))).toBeInstanceOf(ConflictError);
    const second = propose("keloid", t).proposal;
    expect(withdrawSettingsProposal(admin(), second.id, t).state).toBe("withdrawn");
    expect(classOf("keloid")).toBe("block");
    expect(auditRows("clinic_settings.withdraw", "success")).toHaveLength(2);
  });
});

describe("settings history", () => {
  it("pages the clinic's proposals with their state, newest first, and only the clinic's own", () => {
    const page = listSettingsProposals(admin(), { page: 1, pageSize: 3 });
    const later = new Date(Date.now() + 25 * HOUR);
    const all = listSettingsProposals(admin(), { page: 1, pageSize: 50 }, later);
    expect(all.total).toBe(all.items.length);
    expect(page).toMatchObject({ total: all.total, page: 1, pageSize: 3 });
    expect(page.items).toHaveLength(3);
    expect(all.items.map((p) => p.proposedAt)).toEqual([...all.items.map((p) => p.proposedAt)].sort().reverse());
    expect(new Set(all.items.map((p) => p.state))).toEqual(new Set(["confirmed", "expired", "withdrawn"]));
    expect(listSettingsProposals(chen(), { page: 1, pageSize: 50 }).total).toBe(0);
    expect(refusal(() => listSettingsProposals(lee(), { page: 1, pageSize: 10 }))).toBeInstanceOf(ForbiddenError);
  });

  it("pages the past saves from the audit trail, in words, with refusals", () => {
    const first = listSettingsChanges(okafor(), 1, 2);
    expect(first.items).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const everything = listSettingsChanges(okafor(), 1, 50);
    expect(everything.hasMore).toBe(false);
    const lines = everything.items.flatMap((i) => i.summary);
    expect(lines).toContain("Screening validity (days): 90 → 60");
    expect(lines).toContain("Immunosuppression, chemotherapy or radiotherapy: Review → Block");
    expect(everything.items.some((i) => i.outcome === "denied" && i.summary[0]?.startsWith("refused"))).toBe(true);
    expect(listSettingsChanges(chen(), 1, 10).items).toEqual([]);
    expect(refusal(() => listSettingsChanges(lee(), 1, 10))).toBeInstanceOf(ForbiddenError);
  });
});
