import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { homePathFor, safeCallbackPath } from "@/lib/auth/scope";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; welcome?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const actor = await getActor();
  if (actor) redirect(homePathFor(actor.role));
  const { callbackUrl, welcome } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="text-center text-sm font-semibold uppercase tracking-wide text-brand-700">Dermaplan</p>
        <h1 className="mt-2 text-center text-2xl font-semibold">Sign in</h1>
        <p className="mt-1 text-center text-sm text-slate-700">Home microneedling plans, approved by your clinic.</p>
        {welcome && (
          <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
            Your password is set. Sign in with your email and the new password.
          </p>
        )}
        <LoginForm callbackPath={safeCallbackPath(callbackUrl)} />
      </div>
    </main>
  );
}
