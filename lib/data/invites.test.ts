import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { portalInvites } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { ConflictError, ValidationError } from "@/lib/errors";
import { patientCreateSchema } from "@/lib/validation/patients";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { acceptInvite, checkInvite, createPortalInvite } from "./invites";
import { createPatient } from "./patients";

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
    const stored = db.select().from(portalInvites).all().map((i) => i.tokenHash);
    expect(stored).not.toContain(invite.token);
    expect(checkInvite(invite.token)).toEqual({ valid: true, name: "Invitee 1", email: "first.invitee@patient.test" });

    await acceptInvite(invite.token, "a-long-enough-password", "127.0.0.1");
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
    expect(db.select().from(portalInvites).where(eq(portalInvites.patientId, id)).all()).toHaveLength(2);
  });

  it("refuses a patient who already has an active account", () => {
    const jordan = actorFor(db, "lee@patient.test").patientId!;
    expect(() => createPortalInvite(actorFor(db, "rivera@northside.test"), jordan, "new.lee@patient.test")).toThrow(/already has an active portal account/);
  });
});
