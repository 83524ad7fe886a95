import type { Metadata } from "next";
import Link from "next/link";
import { checkInvite } from "@/lib/data/invites";
import { SetPasswordForm } from "./set-password-form";

// The token is in the address: never send it on to another site as a referrer.
export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

/** One page for every set-password link: a patient's portal invite, a staff invite, a password reset. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = checkInvite(token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="text-center text-sm font-semibold uppercase tracking-wide text-brand-700">Dermaplan</p>
        <h1 className="mt-2 text-center text-2xl font-semibold">{invite.valid && invite.purpose === "password_reset" ? "Choose a new password" : "Set your password"}</h1>
        {invite.valid ? (
          <>
            <p className="mt-2 text-center text-sm text-slate-700">
              {invite.purpose === "password_reset" ? `Hello, ${invite.name}.` : `Welcome, ${invite.name}.`} You will sign in with {invite.email}.
            </p>
            <SetPasswordForm token={token} />
          </>
        ) : (
          <p className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
            This link has expired or was already used. Ask your clinic for a new one, or{" "}
            <Link href="/login" className="font-medium underline">
              sign in
            </Link>{" "}
            if you already set your password.
          </p>
        )}
      </div>
    </main>
  );
}
