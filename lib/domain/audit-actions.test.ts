import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditActionLabel, auditActorLabel } from "./audit-actions";

describe("auditActorLabel", () => {
  const row = { actor: null, installationWide: false, detail: null };
  it("names an actor with their role", () => {
    expect(auditActorLabel({ ...row, actor: { name: "Dr. Sofia Rivera", role: "clinician" } })).toBe("Dr. Sofia Rivera (clinician)");
  });
  it("marks an installation-wide row as no such account, with the address typed when there was one", () => {
    expect(auditActorLabel({ ...row, installationWide: true, detail: { reason: "unknown_email", email: "rivera@nortside.test" } })).toBe("No such account: rivera@nortside.test");
    expect(auditActorLabel({ ...row, installationWide: true, detail: { reason: "invalid_input" } })).toBe("No such account");
    expect(auditActorLabel({ ...row, installationWide: true, detail: null })).toBe("No such account");
  });
  it("shows a dash for a clinic's row with nobody behind it (a deleted account, a system event)", () => {
    expect(auditActorLabel({ ...row, detail: { email: "x@y.test" } })).toBe("—");
  });
});

describe("the list reads and refusals have words for the admin", () => {
  it.each(["patient.list", "alert.list", "alert.group_list", "review.list", "overview.read", "audit.read", "access.forbidden", "patient.access_denied"])("%s", (action) => {
    expect(action in AUDIT_ACTIONS).toBe(true);
    expect(auditActionLabel(action)).not.toBe(action);
  });
});
