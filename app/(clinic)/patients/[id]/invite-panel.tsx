"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useClinicFormatter } from "@/app/_components/clinic-time";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { FormStatus } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { useSchemaForm } from "@/lib/client/use-schema-form";
import { portalInviteSchema } from "@/lib/validation/patients";

type Invite = { url: string; email: string; expiresAt: string };

/** Creates the one-time set-password link; there is no mail server, so the clinician copies it. */
export function InvitePanel({ patientId, invited }: { patientId: string; invited: boolean }) {
  const router = useRouter();
  const [invite, setInvite] = useState<Invite | null>(null);
  const [copied, setCopied] = useState(false);
  const formatTime = useClinicFormatter();
  const form = useSchemaForm({
    schema: portalInviteSchema,
    send: (body) => apiFetch<Invite>(`/api/patients/${patientId}/invite`, { method: "POST", body }),
    onSuccess: (created) => {
      setInvite(created);
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.submit({ email: new FormData(event.currentTarget).get("email") });
  }

  return (
    <div className="space-y-3">
      {invite ? (
        <div className="space-y-2">
          <div className="flex items-end gap-2">
            <Field
              id="invite-link"
              label={`One-time link for ${invite.email} (valid until ${formatTime(invite.expiresAt)})`}
              readOnly
              value={invite.url}
              onFocus={(e) => e.currentTarget.select()}
              className="flex-1"
            />
            <Button
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(invite.url).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="text-sm text-slate-700">Give this link to the patient; it works once and is not shown again.</p>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-3">
          <FormStatus error={form.status} />
          {invited && <p className="text-sm text-slate-700">An invitation is pending; a new link replaces the old one.</p>}
          <Field label="Patient's email" name="email" type="email" autoComplete="off" error={form.errors.email} />
          <Button type="submit" disabled={form.pending}>
            {form.pending ? "Creating…" : "Create invitation link"}
          </Button>
        </form>
      )}
    </div>
  );
}
