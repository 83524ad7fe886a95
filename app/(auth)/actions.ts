"use server";

import { requireUser } from "@/lib/auth/guards";
import { revokeAllSessions } from "@/lib/data/users";

/** Invalidates every session of the signed-in user; the caller then clears this browser's cookie. */
export async function signOutEverywhereAction(): Promise<void> {
  revokeAllSessions(await requireUser());
}
