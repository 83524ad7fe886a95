"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { Field } from "@/app/_components/ui/field";
import { loadLoginSchema, preloadLoginSchemaAfterLoad } from "@/lib/client/login-schema";
import { signInWithPassword } from "@/lib/client/sign-in";
import { useSchemaForm } from "@/lib/client/use-schema-form";
import type { LoginInput } from "@/lib/validation/auth";

const GENERIC_ERROR = "The email, password or code is incorrect, or the account cannot sign in right now.";
const NETWORK_ERROR = "We could not reach the server. Check your connection and try again.";

/** The password was right and the account uses two-factor sign-in: the form asks for the code. */
class CodeRequired extends Error {}

function throttledMessage(retryAfterS: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterS / 60));
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * Refused credentials all read the same (by design); a sign-in that did not complete (no server, a
 * refused CSRF token, an answer without a URL) is never a success.
 */
async function signIn({ email, password, code }: LoginInput): Promise<void> {
  const answer = await signInWithPassword(email, password, code).catch(() => {
    throw new Error(NETWORK_ERROR);
  });
  if (answer.kind === "code_required") throw new CodeRequired();
  if (answer.kind === "throttled") throw new Error(throttledMessage(answer.retryAfterS));
  if (answer.kind === "refused") throw new Error(GENERIC_ERROR);
}

export function LoginForm({ callbackPath }: { callbackPath: string | null }) {
  const router = useRouter();
  const [unreachable, setUnreachable] = useState(false);
  const [askCode, setAskCode] = useState(false);
  useEffect(preloadLoginSchemaAfterLoad, []);
  const form = useSchemaForm({
    schema: () => loadLoginSchema().then((m) => m.loginSchema),
    send: signIn,
    onError: (error) => {
      if (error instanceof CodeRequired) setAskCode(true);
    },
    // Only our own checked callback path is followed, never the URL in next-auth's answer.
    onSuccess: () => {
      router.replace(callbackPath ?? "/");
      router.refresh();
    },
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setUnreachable(false);
    // The schema loads after the page; when it cannot be fetched, neither can the sign-in.
    const code = askCode ? String(data.get("code") ?? "") : undefined;
    await form.submit({ email: data.get("email"), password: data.get("password"), code }).catch(() => setUnreachable(true));
  }

  const error = unreachable ? NETWORK_ERROR : form.failure instanceof CodeRequired ? null : form.failure?.message;
  // method="post": a submit before hydration (or without JavaScript) re-renders this page rather than
  // putting the password in the URL.
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="mt-8 space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div aria-live="polite">{error && <Alert tone="error">{error}</Alert>}</div>
      <Field label="Email" name="email" type="email" autoComplete="username" required error={form.errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={form.errors.password} />
      {askCode && (
        <Field
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          required
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
          error={form.errors.code}
        />
      )}
      <Button type="submit" className="w-full" disabled={form.pending}>
        {form.pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
