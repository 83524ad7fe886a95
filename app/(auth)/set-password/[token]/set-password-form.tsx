"use client";

import { useActionState } from "react";
import { setPasswordAction, type SetPasswordState } from "@/app/(auth)/actions";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { FormStatus } from "@/app/_components/ui/form-controls";

export function SetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(setPasswordAction.bind(null, token), {});
  return (
    <form action={action} noValidate className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <FormStatus error={state.error} />
      <Field label="New password" name="password" type="password" autoComplete="new-password" required minLength={12} error={state.fieldErrors?.password} hint="At least 12 characters." />
      <Field label="Repeat the password" name="confirm" type="password" autoComplete="new-password" required error={state.fieldErrors?.confirm} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
