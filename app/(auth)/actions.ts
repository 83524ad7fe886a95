"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { acceptInvite } from "@/lib/data/invites";
import { revokeAllSessions } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { setPasswordSchema } from "@/lib/validation/set-password";

/** Invalidates every session of the signed-in user; the caller then clears this browser's cookie. */
export async function signOutEverywhereAction(): Promise<void> {
  revokeAllSessions(await requireUser());
}

export type SetPasswordState = { error?: string; fieldErrors?: { password?: string; confirm?: string } };

/** Public by design: the one-time token is the credential, checked and burned in lib/data/invites. */
export async function setPasswordAction(token: string, _previous: SetPasswordState, form: FormData): Promise<SetPasswordState> {
  const parsed = setPasswordSchema.safeParse({ password: form.get("password"), confirm: form.get("confirm") });
  if (!parsed.success) {
    const flat = parsed.error.flatten().fieldErrors;
    return { fieldErrors: { password: flat.password?.[0], confirm: flat.confirm?.[0] } };
  }
  try {
    await acceptInvite(token, parsed.data.password, clientIpFrom(await headers()));
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  redirect("/login?welcome=1");
}
