"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { Field } from "@/app/_components/ui/field";
import { loadLoginSchema, preloadLoginSchemaAfterLoad } from "@/lib/client/login-schema";
import { signInWithPassword } from "@/lib/client/sign-in";

const GENERIC_ERROR = "The email or password is incorrect, or the account cannot sign in right now.";
const NETWORK_ERROR = "We could not reach the server. Check your connection and try again.";

export function LoginForm({ callbackPath }: { callbackPath: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [pending, setPending] = useState(false);
  useEffect(preloadLoginSchemaAfterLoad, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const schemas = await loadLoginSchema().catch(() => null);
    if (!schemas) {
      setError(NETWORK_ERROR);
      return;
    }
    const parsed = schemas.loginSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const flat = parsed.error.flatten().fieldErrors;
      setFieldErrors({ email: flat.email?.[0], password: flat.password?.[0] });
      setError(null);
      return;
    }
    setFieldErrors({});
    setError(null);
    setPending(true);
    try {
      if (!(await signInWithPassword(parsed.data.email, parsed.data.password))) {
        setError(GENERIC_ERROR);
        return;
      }
      router.replace(callbackPath ?? "/");
      router.refresh();
    } catch {
      setError(NETWORK_ERROR);
    } finally {
      setPending(false);
    }
  }

  // method="post": a submit before hydration (or without JavaScript) re-renders this page rather than
  // putting the password in the URL.
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="mt-8 space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div aria-live="polite">{error && <Alert tone="error">{error}</Alert>}</div>
      <Field label="Email" name="email" type="email" autoComplete="username" required error={fieldErrors.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
