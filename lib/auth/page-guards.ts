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
