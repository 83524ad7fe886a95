"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { FormStatus, SelectField } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { useSchemaForm } from "@/lib/client/use-schema-form";
import { staffUpdateSchema } from "@/lib/validation/staff";
import { ConfirmButton } from "./confirm-button";
import { OneTimeLink } from "./one-time-link";

type Member = { id: string; name: string; email: string; role: "admin" | "clinician"; status: "active" | "invited" | "deactivated"; mfaEnabled: boolean };
type Link = { inviteUrl: string; expiresAt: string };
type Action = "deactivate" | "reactivate" | "reset-password" | "reset-mfa";

const request = (id: string, action: Action) => {
  if (action === "reset-password") return apiFetch<Link>(`/api/staff/${id}/reset-password`, { method: "POST" });
  if (action === "reset-mfa") return apiFetch(`/api/staff/${id}/mfa`, { method: "DELETE" });
  return apiFetch(`/api/staff/${id}`, { method: "PATCH", body: { active: action === "reactivate" } });
};

/** One staff member's controls: role, access, password and two-factor resets; the server re-checks every rule. */
export function StaffActions({ member }: { member: Member }) {
  const router = useRouter();
  const [link, setLink] = useState<Link | null>(null);
  const roleForm = useSchemaForm({
    schema: staffUpdateSchema,
    send: (body) => apiFetch(`/api/staff/${member.id}`, { method: "PATCH", body }),
    onSuccess: () => router.refresh(),
  });
  const mutation = useMutation({
    mutationFn: (action: Action) => request(member.id, action),
    onSuccess: (result, action) => {
      if (action === "reset-password") setLink(result as Link);
      router.refresh();
    },
  });

  function onRoleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void roleForm.submit({ role: new FormData(event.currentTarget).get("role") });
  }

  const busy = mutation.isPending || roleForm.pending;
  const deactivated = member.status === "deactivated";
  return (
    <div className="space-y-2">
      <FormStatus error={roleForm.status ?? mutation.error?.message} />
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2 [&>[role=group]]:basis-full">
        <form onSubmit={onRoleSubmit} noValidate className="flex items-end gap-2">
          <SelectField label="Role" aria-label={`Role of ${member.name}`} name="role" defaultValue={member.role} error={roleForm.errors.role} disabled={deactivated}>
            <option value="clinician">Clinician</option>
            <option value="admin">Admin</option>
          </SelectField>
          <Button type="submit" variant="secondary" aria-label={`Change the role of ${member.name}`} disabled={busy || deactivated}>
            Change role
          </Button>
        </form>
        {deactivated ? (
          <Button variant="secondary" aria-label={`Reactivate ${member.name}`} disabled={busy} onClick={() => mutation.mutate("reactivate")}>
            Reactivate
          </Button>
        ) : (
          <>
            <ConfirmButton
              label={`Deactivate ${member.name}`}
              question={`Deactivate ${member.name}? They are signed out everywhere at once and cannot sign in until reactivated.`}
              confirmLabel="Yes, deactivate"
              disabled={busy}
              onConfirm={() => mutation.mutate("deactivate")}
            >
              Deactivate
            </ConfirmButton>
            <ConfirmButton
              label={`Reset the password of ${member.name}`}
              question={`Reset the password of ${member.name}? Their current password stops working, they are signed out everywhere, and you get a new one-time link to give them.`}
              confirmLabel="Yes, reset password"
              disabled={busy}
              onConfirm={() => mutation.mutate("reset-password")}
            >
              Reset password
            </ConfirmButton>
          </>
        )}
        {member.mfaEnabled && (
          <ConfirmButton
            label={`Reset two-factor sign-in of ${member.name}`}
            question={`Turn off two-factor sign-in for ${member.name}? Do this only when you are sure it is them (a lost phone); they can set it up again.`}
            confirmLabel="Yes, reset two-factor"
            disabled={busy}
            onConfirm={() => mutation.mutate("reset-mfa")}
          >
            Reset two-factor
          </ConfirmButton>
        )}
      </div>
      {link && <OneTimeLink url={link.inviteUrl} expiresAt={link.expiresAt} email={member.email} />}
    </div>
  );
}
