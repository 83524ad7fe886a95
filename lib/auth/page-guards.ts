import "server-only";
import { redirect } from "next/navigation";
import { currentSignIn } from "./session";
import { hasRole, homePathFor } from "./scope";
import type { Actor, Role } from "./types";

/**
 * For pages and layouts: sends signed-out visitors to sign in and other roles to their own home.
 * A convenience for people; the data functions each page calls still authorize on their own.
 */
export async function requirePageActor(roles: readonly Role[], options: { allowMfaDue?: boolean } = {}): Promise<Actor> {
  const signIn = await currentSignIn();
  if (!signIn) redirect("/login");
  const { actor } = signIn;
  if (!hasRole(actor, roles)) redirect(homePathFor(actor.role));
  // A clinic that requires two-factor sign-in sends staff without it to set it up before anything else.
  if (signIn.mfaEnrolmentDue && !options.allowMfaDue) redirect("/account?mfa=required");
  return actor;
}

/** For portal pages: a patient account always reaches its own record, or a clear page if it has none. */
export async function requirePortalActor(): Promise<Actor & { patientId: string }> {
  const actor = await requirePageActor(["patient"]);
  if (!actor.patientId) redirect("/portal/unlinked");
  return { ...actor, patientId: actor.patientId };
}
