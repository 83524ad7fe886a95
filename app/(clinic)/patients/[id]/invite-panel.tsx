"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field, inputClasses } from "@/app/_components/ui/field";
import { FormStatus } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { formatDateTime } from "@/lib/format";
import { portalInviteSchema } from "@/lib/validation/patients";

type Invite = { url: string; email: string; expiresAt: string };

/** Creates the one-time set-password link; there is no mail server, so the clinician copies it. */
export function InvitePanel({ patientId, invited }: { patientId: string; invited: boolean }) {
  const router = useRouter();
  const [emailError, setEmailError] = useState<string>();
  const [copied, setCopied] = useState(false);
  const mutation = useMutation({
    mutationFn: (email: string) => apiFetch<Invite>(`/api/patients/${patientId}/invite`, { method: "POST", body: { email } }),
    onSuccess: () => router.refresh(),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = portalInviteSchema.safeParse({ email: new FormData(event.currentTarget).get("email") });
    setEmailError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (parsed.success) mutation.mutate(parsed.data.email);
  }

  const invite = mutation.data;
  return (
    <div className="space-y-3">
      {invite ? (
        <div className="space-y-2">
          <label htmlFor="invite-link" className="block text-sm font-medium">
            One-time link for {invite.email} (valid until {formatDateTime(invite.expiresAt)})
          </label>
          <div className="flex gap-2">
            <input id="invite-link" readOnly value={invite.url} className={inputClasses} onFocus={(e) => e.currentTarget.select()} />
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
          <FormStatus error={mutation.error?.message} />
          {invited && <p className="text-sm text-slate-700">An invitation is pending; a new link replaces the old one.</p>}
          <Field label="Patient's email" name="email" type="email" autoComplete="off" error={emailError} />
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? "Creating…" : "Create invitation link"}
          </Button>
        </form>
      )}
    </div>
  );
}
