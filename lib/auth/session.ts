import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { clinicRequiresStaffMfa } from "@/lib/data/clinic-security";
import { resumeSignIn } from "@/lib/data/sign-ins";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { requireRole } from "./guards";
import { readSessionToken } from "./session-token";
import { STAFF_ROLES, type Actor } from "./types";

export type SignIn = {
  actor: Actor;
  /** The sign-in row this request belongs to (sign-out and password changes act on it). */
  sid: string;
  /** Staff of a clinic that requires two-factor sign-in who have not set it up yet. */
  mfaEnrolmentDue: boolean;
};

/**
 * The signed-in user for this request: the session token's sign-in row and account, re-read from the
 * database so a sign-out, a revoked or idle session or a disabled account stops at once, with the
 * current role and clinic. The token is read, never re-issued: a sign-in lasts at most 12 hours.
 * React's `cache` lets the layout and the page of one request share one decode and one lookup; it
 * never outlives the request, and with no React render around it (unit tests) it just calls through.
 * @see https://react.dev/reference/react/cache
 */
export const currentSignIn = cache(async (): Promise<SignIn | null> => {
  const token = await readSessionToken(await cookies());
  if (!token) return null;
  const state = resumeSignIn(token);
  if (!state) return null;
  const { id, email, name, role, clinicId, patientId } = state;
  const actor: Actor = { id, email, name, role, clinicId, patientId, ip: clientIpFrom(await headers()) };
  const mfaEnrolmentDue = role !== "patient" && !state.mfaEnabled && clinicRequiresStaffMfa(clinicId);
  return { actor, sid: state.sid, mfaEnrolmentDue };
});

export async function getActor(): Promise<Actor | null> {
  return (await currentSignIn())?.actor ?? null;
}

const MFA_DUE = "Your clinic requires two-factor sign-in: set it up on your account page first.";

/**
 * The signed-in actor; staff who owe their clinic a two-factor enrolment may reach only the routes
 * that let them enrol (`allowMfaDue`).
 */
export async function requireUser(options: { allowMfaDue?: boolean } = {}): Promise<Actor> {
  const signIn = await currentSignIn();
  if (!signIn) throw new UnauthenticatedError();
  if (signIn.mfaEnrolmentDue && !options.allowMfaDue) throw new ForbiddenError(MFA_DUE);
  return signIn.actor;
}

export async function requireSignIn(): Promise<SignIn> {
  const signIn = await currentSignIn();
  if (!signIn) throw new UnauthenticatedError();
  return signIn;
}

/** A staff member's own sign-in (actor and session id), refused to patients before any body is read. */
export async function requireStaffSignIn(): Promise<SignIn> {
  const signIn = await requireSignIn();
  requireRole(signIn.actor, STAFF_ROLES);
  return signIn;
}

export async function requireStaff(options: { allowMfaDue?: boolean } = {}): Promise<Actor> {
  return requireRole(await requireUser(options), STAFF_ROLES);
}

/** Clinical decisions (screening, plans) are made by clinicians, not by admins or patients. */
export async function requireClinician(): Promise<Actor> {
  return requireRole(await requireUser(), ["clinician"]);
}

export async function requireAdmin(): Promise<Actor> {
  return requireRole(await requireUser(), ["admin"]);
}
