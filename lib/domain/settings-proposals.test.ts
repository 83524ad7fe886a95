import { describe, expect, it } from "vitest";
import { confirmRefusal, proposalExpiresAt, proposalState, withdrawRefusal, type ProposalTimes } from "./settings-proposals";

const proposedAt = new Date("2026-11-21T10:00:00.000Z");
const pending: ProposalTimes = { proposedBy: "rivera", expiresAt: proposalExpiresAt(proposedAt), confirmedAt: null, withdrawnAt: null };
const at = (hours: number) => new Date(proposedAt.getTime() + hours * 3_600_000);
const rivera = { id: "rivera", role: "clinician" as const };
const okafor = { id: "okafor", role: "clinician" as const };
const admin = { id: "admin", role: "admin" as const };
const lee = { id: "lee", role: "patient" as const };

describe("proposalState", () => {
  it("is pending for 24 hours, then expired", () => {
    expect(pending.expiresAt).toBe("2026-11-22T10:00:00.000Z");
    expect(proposalState(pending, at(0))).toBe("pending");
    expect(proposalState(pending, new Date(at(24).getTime() - 1))).toBe("pending");
    expect(proposalState(pending, at(24))).toBe("expired");
  });

  it("is superseded when the settings moved, and a decision outlives the clock", () => {
    expect(proposalState(pending, at(1), true)).toBe("superseded");
    expect(proposalState(pending, at(25), true)).toBe("expired");
    expect(proposalState({ ...pending, confirmedAt: at(2).toISOString() }, at(48))).toBe("confirmed");
    expect(proposalState({ ...pending, withdrawnAt: at(2).toISOString() }, at(48))).toBe("withdrawn");
  });
});

describe("confirmRefusal", () => {
  it("lets a second clinician or an admin confirm while pending", () => {
    expect(confirmRefusal(okafor, pending, at(23), false)).toBeNull();
    expect(confirmRefusal(admin, pending, at(1), false)).toBeNull();
  });

  it("refuses the proposer and patients (403), whatever the state", () => {
    expect(confirmRefusal(rivera, pending, at(1), false)).toMatchObject({ status: 403, reason: "own_proposal" });
    expect(confirmRefusal(rivera, pending, at(30), false)).toMatchObject({ status: 403, reason: "own_proposal" });
    expect(confirmRefusal(lee, pending, at(1), false)).toMatchObject({ status: 403, reason: "role_not_permitted" });
  });

  it("refuses an expired, withdrawn, confirmed or superseded proposal (409)", () => {
    expect(confirmRefusal(okafor, pending, at(24), false)).toMatchObject({ status: 409, reason: "expired" });
    expect(confirmRefusal(okafor, { ...pending, withdrawnAt: at(1).toISOString() }, at(2), false)).toMatchObject({ status: 409, reason: "withdrawn" });
    expect(confirmRefusal(admin, { ...pending, confirmedAt: at(1).toISOString() }, at(2), false)).toMatchObject({ status: 409, reason: "confirmed" });
    expect(confirmRefusal(okafor, pending, at(1), true)).toMatchObject({ status: 409, reason: "superseded" });
  });
});

describe("withdrawRefusal", () => {
  it("lets the proposer or an admin withdraw while undecided, even when superseded", () => {
    expect(withdrawRefusal(rivera, pending, at(1))).toBeNull();
    expect(withdrawRefusal(admin, pending, at(1))).toBeNull();
  });

  it("refuses another clinician (403) and a decided or expired proposal (409)", () => {
    expect(withdrawRefusal(okafor, pending, at(1))).toMatchObject({ status: 403, reason: "not_proposer" });
    expect(withdrawRefusal(rivera, pending, at(24))).toMatchObject({ status: 409, reason: "expired" });
    expect(withdrawRefusal(admin, { ...pending, confirmedAt: at(1).toISOString() }, at(2))).toMatchObject({ status: 409, reason: "confirmed" });
  });
});
