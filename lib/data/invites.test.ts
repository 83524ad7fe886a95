import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/connection";
import { passwordLinks } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { ConflictError, ValidationError } from "@/lib/errors";
import { patientCreateSchema } from "@/lib/validation/patients";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { acceptInvite, checkInvite, createPortalInvite } from "./invites";
import { createPatient } from "./patients";

// Counts the (deliberately slow) password hashing, to show a bad link never gets that far.
vi.mock("@/lib/auth/password", async (original) => {
  const actual = await original<typeof import("@/lib/auth/password")>();
  return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

let counter = 0;
function newPatient(): string {
  const rivera = actorFor(db, "rivera@northside.test");
  counter += 1;
  return createPatient(rivera, patientCreateSchema.parse({ name: `Invitee ${counter}`, dateOfBirth: "1990-01-01", mrn: `INV-${counter}`, skinType: 3, responsibleClinicianId: rivera.id })).id;
}

describe("portal invitations", () => {
  it("stores only a hash of the token, and the link works once", async () => {
    const invite = createPortalInvite(actorFor(db, "rivera@northside.test"), newPatient(), "first.invitee@patient.test");
    const stored = db.select().from(passwordLinks).all().map((i) => i.tokenHash);
    expect(stored).not.toContain(invite.token);
    expect(checkInvite(invite.token)).toEqual({ valid: true, name: "Invitee 1", email: "first.invitee@patient.test", purpose: "portal_invite" });

    await acceptInvite(invite.token, "a-long-enough-password", "127.0.0.1");
    expect(hashPassword).toHaveBeenCalledWith("a-long-enough-password");
    expect(await authenticate({ email: "first.invitee@patient.test", password: "a-long-enough-password" }, null)).toMatchObject({ role: "patient" });
    expect(checkInvite(invite.token)).toEqual({ valid: false });
    await expect(acceptInvite(invite.token, "another-long-password", null)).rejects.toThrow(ValidationError);
  });

  it("expires after 72 hours", async () => {
    const created = new Date("2026-11-21T10:00:00Z");
    const invite = createPortalInvite(actorFor(db, "rivera@northside.test"), newPatient(), "late.invitee@patient.test", created);
    expect(checkInvite(invite.token, new Date(created.getTime() + 71 * 3_600_000)).valid).toBe(true);
    expect(checkInvite(invite.token, new Date(created.getTime() + 72 * 3_600_000)).valid).toBe(false);
    await expect(acceptInvite(invite.token, "a-long-enough-password", null, new Date(created.getTime() + 73 * 3_600_000))).rejects.toThrow(/expired/);
  });

  it("replaces a pending link, and refuses an email another account already uses", () => {
    const rivera = actorFor(db, "rivera@northside.test");
    const id = newPatient();
    const first = createPortalInvite(rivera, id, "pending.invitee@patient.test");
    const second = createPortalInvite(rivera, id, "pending.invitee2@patient.test");
    expect(checkInvite(first.token).valid).toBe(false);
    expect(checkInvite(second.token)).toMatchObject({ valid: true, email: "pending.invitee2@patient.test" });
    expect(() => createPortalInvite(rivera, id, "lee@patient.test")).toThrow(ConflictError);
    expect(() => createPortalInvite(rivera, newPatient(), "lee@patient.test")).toThrow(ConflictError);
    // Another clinic's account answers in the same words as this clinic's: nothing about it leaks.
    const asMessage = (email: string) => {
      try {
        createPortalInvite(rivera, newPatient(), email);
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(asMessage("chen@southbay.test")).toBe(asMessage("lee@patient.test"));
    expect(asMessage("chen@southbay.test")).not.toContain("chen@southbay.test");
    expect(db.select().from(passwordLinks).where(eq(passwordLinks.patientId, id)).all()).toMatchObject([{ purpose: "portal_invite" }, { purpose: "portal_invite" }]);
  });

  it("answers a malformed, unknown or non-string token like a spent one, before any password work", async () => {
    vi.mocked(hashPassword).mockClear();
    for (const token of [undefined, 42, { token: "x" }, "", "short", "a".repeat(43) + "/", "a".repeat(43)]) {
      expect(checkInvite(token)).toEqual({ valid: false });
      await expect(acceptInvite(token, "a-long-enough-password", null)).rejects.toThrow(/expired or was already used/);
    }
    expect(hashPassword).not.toHaveBeenCalled();
  });

  it("refuses a common password from a valid link and leaves the link usable", async () => {
    const invite = createPortalInvite(actorFor(db, "rivera@northside.test"), newPatient(), "common.invitee@patient.test");
    await expect(acceptInvite(invite.token, "1qaz2wsx3edc", null)).rejects.toThrow(/most common passwords/);
    expect(checkInvite(invite.token).valid).toBe(true);
  });

  it("refuses a patient who already has an active account", () => {
    const jordan = actorFor(db, "lee@patient.test").patientId!;
    expect(() => createPortalInvite(actorFor(db, "rivera@northside.test"), jordan, "new.lee@patient.test")).toThrow(/already has an active portal account/);
  });
});
