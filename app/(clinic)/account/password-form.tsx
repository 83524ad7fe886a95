"use client";

import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { FormStatus } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { useSchemaForm } from "@/lib/client/use-schema-form";
import { passwordChangeSchema } from "@/lib/validation/auth";

/** Current password, then the new one twice; paste is allowed (password managers). */
export function PasswordForm() {
  const [changed, setChanged] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSchemaForm({
    schema: passwordChangeSchema,
    send: (body) => apiFetch("/api/me/password", { method: "POST", body }),
    onSuccess: () => {
      setChanged(true);
      // No password stays in the page once it has been changed.
      formRef.current?.reset();
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(false);
    const data = new FormData(event.currentTarget);
    void form.submit({ currentPassword: data.get("currentPassword"), newPassword: data.get("newPassword"), confirm: data.get("confirm") });
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-sm space-y-3">
      <FormStatus error={form.status} success={changed ? "Password changed. Your other sign-ins have ended." : null} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={form.errors.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={12} maxLength={128} error={form.errors.newPassword} />
      <Field label="Repeat the new password" name="confirm" type="password" autoComplete="new-password" required error={form.errors.confirm} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
