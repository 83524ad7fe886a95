"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { acceptInvite } from "@/lib/data/invites";
import { revokeAllSessions } from "@/lib/data/users";
import { AppError, UnauthenticatedError } from "@/lib/errors";
import { retryWhileBusy } from "@/lib/http/busy-retry";
import { clientIpFrom } from "@/lib/http/client-ip";
import { LINK_UNUSABLE_MESSAGE, passwordLinkTokenSchema } from "@/lib/validation/password-link";
import { setPasswordSchema } from "@/lib/validation/set-password";

/**
 * Invalidates every session of the signed-in user; the caller then clears this browser's cookie. A
 * session that has already ended (signed out elsewhere, account deactivated) goes to the sign-in page.
 */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser().catch((error: unknown) => {
    if (error instanceof UnauthenticatedError) redirect("/login");
    throw error;
  });
  await retryWhileBusy(() => revokeAllSessions(user));
}

export type SetPasswordState = { error?: string; fieldErrors?: { password?: string; confirm?: string } };

/**
 * Public by design: the one-time token is the credential, checked and spent in lib/data/invites. A
 * direct POST can send anything as the token or the form, so both are checked here before any work.
 */
export async function setPasswordAction(token: unknown, _previous: SetPasswordState, form: FormData): Promise<SetPasswordState> {
  if (!passwordLinkTokenSchema.safeParse(token).success || !(form instanceof FormData)) return { error: LINK_UNUSABLE_MESSAGE };
  const parsed = setPasswordSchema.safeParse({ password: form.get("password"), confirm: form.get("confirm") });
  if (!parsed.success) {
    const flat = parsed.error.flatten().fieldErrors;
    return { fieldErrors: { password: flat.password?.[0], confirm: flat.confirm?.[0] } };
  }
  try {
    const ip = clientIpFrom(await headers());
    await retryWhileBusy(() => acceptInvite(token, parsed.data.password, ip));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // The server's password rules (common passwords) answer next to the field, like the schema's.
    const password = error.issues?.find((i) => i.path === "password")?.message;
    return password ? { fieldErrors: { password } } : { error: error.message };
  }
  redirect("/login?welcome=1");
}
