"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { FormStatus, SelectField } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { useSchemaForm } from "@/lib/client/use-schema-form";
import { staffInviteSchema } from "@/lib/validation/staff";
import { OneTimeLink } from "./one-time-link";

type Invite = { id: string; inviteUrl: string; expiresAt: string; email: string };

/** Creates the account and its one-time set-password link, shown once for the admin to hand on. */
export function InviteStaffForm() {
  const router = useRouter();
  const [invite, setInvite] = useState<Invite | null>(null);
  const form = useSchemaForm({
    schema: staffInviteSchema,
    send: async (body) => ({ ...(await apiFetch<Omit<Invite, "email">>("/api/staff", { method: "POST", body })), email: body.email }),
    onSuccess: (created) => {
      setInvite(created);
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.submit(Object.fromEntries(new FormData(event.currentTarget)));
  }

  if (invite) {
    return (
      <div className="space-y-3">
        <OneTimeLink url={invite.inviteUrl} expiresAt={invite.expiresAt} email={invite.email} />
        <Button variant="secondary" onClick={() => setInvite(null)}>
          Invite someone else
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormStatus error={form.status} />
      <div className="grid gap-3 md:grid-cols-3">
        <Field label="Full name" name="name" required maxLength={120} autoComplete="off" error={form.errors.name} />
        <Field label="Email" name="email" type="email" required autoComplete="off" error={form.errors.email} hint="They sign in with this address." />
        <SelectField label="Role" name="role" defaultValue="clinician" error={form.errors.role} hint="Admins manage staff; clinicians make the clinical decisions.">
          <option value="clinician">Clinician</option>
          <option value="admin">Admin</option>
        </SelectField>
      </div>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Creating…" : "Create invitation link"}
      </Button>
    </form>
  );
}
