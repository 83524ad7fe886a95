"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { FormStatus } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { useSchemaForm } from "@/lib/client/use-schema-form";
import { mfaCodeSchema } from "@/lib/validation/auth";

type Pending = { secret: string; qrSvg: string };

/** Start, scan, confirm with a code, then the recovery codes, shown once. */
export function TwoFactorSetup({ pending }: { pending: Pending | null }) {
  const router = useRouter();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const confirm = useSchemaForm({
    schema: mfaCodeSchema,
    send: (body) => apiFetch<{ recoveryCodes: string[] }>("/api/me/mfa/confirm", { method: "POST", body }),
    onSuccess: (result) => setRecoveryCodes(result.recoveryCodes),
  });

  async function start() {
    setStarting(true);
    setStartError(null);
    try {
      await apiFetch("/api/me/mfa", { method: "POST" });
      router.refresh();
    } catch (error) {
      setStartError(error instanceof Error ? error.message : String(error));
    } finally {
      setStarting(false);
    }
  }

  if (recoveryCodes) {
    return (
      <div className="space-y-3" role="status">
        <p className="font-medium text-green-900">Two-factor sign-in is on.</p>
        <p className="text-sm text-slate-800">
          Keep these recovery codes somewhere safe, away from your phone. Each works once if you lose your phone; they are not shown again.
        </p>
        <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-md border border-slate-300 bg-slate-50 p-3 font-mono text-sm sm:grid-cols-5">
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <Button onClick={() => router.refresh()}>I have saved them</Button>
      </div>
    );
  }
  if (!pending) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-800">Off. With it on, a stolen password is not enough to sign in as you.</p>
        <FormStatus error={startError} />
        <Button onClick={start} disabled={starting}>
          {starting ? "Starting…" : "Set up two-factor sign-in"}
        </Button>
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void confirm.submit({ code: String(new FormData(event.currentTarget).get("code") ?? "") });
  }

  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-800">
        <li>Scan this code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password …).</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      {/* Generated on the server from our own otpauth URI; it holds no markup from any person. */}
      <div aria-hidden="true" className="w-52 rounded-md border border-slate-200 bg-white p-2" dangerouslySetInnerHTML={{ __html: pending.qrSvg }} />
      <p className="text-sm text-slate-700">
        Cannot scan? Enter this key in the app: <code className="break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono" data-testid="mfa-secret">{pending.secret}</code>
      </p>
      <form onSubmit={onSubmit} noValidate className="max-w-xs space-y-3">
        <FormStatus error={confirm.status} />
        <Field label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" required error={confirm.errors.code} />
        <Button type="submit" disabled={confirm.pending}>
          {confirm.pending ? "Checking…" : "Turn on two-factor sign-in"}
        </Button>
      </form>
    </div>
  );
}

/** Turning it off takes a current code or a recovery code. */
export function TwoFactorOff() {
  const router = useRouter();
  const form = useSchemaForm({
    schema: mfaCodeSchema,
    send: (body) => apiFetch("/api/me/mfa", { method: "DELETE", body }),
    onSuccess: () => router.refresh(),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.submit({ code: String(new FormData(event.currentTarget).get("code") ?? "") });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xs space-y-3">
      <FormStatus error={form.status} />
      <Field label="Code to turn it off" name="code" inputMode="numeric" autoComplete="one-time-code" hint="A code from your app, or a recovery code." error={form.errors.code} />
      <Button type="submit" variant="secondary" disabled={form.pending}>
        {form.pending ? "Checking…" : "Turn off two-factor sign-in"}
      </Button>
    </form>
  );
}
