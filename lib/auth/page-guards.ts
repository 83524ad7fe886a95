import "server-only";
import { redirect } from "next/navigation";
import { getActor } from "./session";
import { hasRole, homePathFor } from "./scope";
import type { Actor, Role } from "./types";

/**
 * For pages and layouts: sends signed-out visitors to sign in and other roles to their own home.
 * A convenience for people; the data functions each page calls still authorize on their own.
 */
export async function requirePageActor(roles: readonly Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (!hasRole(actor, roles)) redirect(homePathFor(actor.role));
  return actor;
}

/** For portal pages: a patient account always reaches its own record, or a clear page if it has none. */
export async function requirePortalActor(): Promise<Actor & { patientId: string }> {
  const actor = await requirePageActor(["patient"]);
  if (!actor.patientId) redirect("/portal/unlinked");
  return { ...actor, patientId: actor.patientId };
}
