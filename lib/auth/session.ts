import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getSessionState } from "@/lib/data/users";
import { UnauthenticatedError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { requireRole } from "./guards";
import { readSessionToken } from "./session-token";
import { STAFF_ROLES, type Actor } from "./types";

/**
 * The signed-in user for this request: the session token's account, re-read from the database so a
 * disabled account or a revoked session (a bumped sessionVersion) stops at once, with the current
 * role and clinic. The token is read, never re-issued: a session lasts its 8 hours from sign-in.
 * React's `cache` lets the layout and the page of one request share one decode and one lookup; it
 * never outlives the request, and with no React render around it (unit tests) it just calls through.
 * @see https://react.dev/reference/react/cache
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = await readSessionToken(await cookies());
  if (!token?.uid) return null;
  const state = getSessionState(token.uid);
  if (!state || !state.active || state.sessionVersion !== token.sessionVersion) return null;
  const { id, email, name, role, clinicId, patientId } = state;
  return { id, email, name, role, clinicId, patientId, ip: clientIpFrom(await headers()) };
});

export async function requireUser(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

export async function requireStaff(): Promise<Actor> {
  return requireRole(await requireUser(), STAFF_ROLES);
}

/** Clinical decisions (screening, plans) are made by clinicians, not by admins or patients. */
export async function requireClinician(): Promise<Actor> {
  return requireRole(await requireUser(), ["clinician"]);
}

export async function requireAdmin(): Promise<Actor> {
  return requireRole(await requireUser(), ["admin"]);
}
