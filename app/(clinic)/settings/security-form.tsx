"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { CheckboxField, FormStatus } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { useSchemaForm } from "@/lib/client/use-schema-form";
import { clinicSecuritySchema } from "@/lib/validation/auth";

/** The admin's sign-in security switch; clinicians read it. */
export function SecurityForm({ requireStaffMfa, canEdit }: { requireStaffMfa: boolean; canEdit: boolean }) {
  const router = useRouter();
  const [checked, setChecked] = useState(requireStaffMfa);
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm({
    schema: clinicSecuritySchema,
    send: (body) => apiFetch("/api/clinic/security", { method: "PUT", body }),
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void form.submit({ requireStaffMfa: checked });
      }}
      className="space-y-3"
    >
      <FormStatus error={form.status} success={saved ? "Saved." : null} />
      <CheckboxField
        label="Require two-factor sign-in for all staff (staff without it set it up at their next sign-in)"
        checked={checked}
        disabled={!canEdit}
        onChange={(e) => setChecked(e.target.checked)}
      />
      {canEdit && (
        <Button type="submit" disabled={form.pending || checked === requireStaffMfa}>
          {form.pending ? "Saving…" : "Save sign-in security"}
        </Button>
      )}
    </form>
  );
}
