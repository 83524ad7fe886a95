"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { FormStatus, TextareaField } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { useSchemaForm } from "@/lib/client/use-schema-form";

const loadSchema = async () => (await import("@/lib/validation/health-changes")).pauseClearSchema;

/** A clinician lets the patient continue, saying why; the page is rendered again with the pause gone. */
export function ClearPauseForm({ patientId }: { patientId: string }) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const form = useSchemaForm({
    schema: loadSchema,
    send: (body) => apiFetch<{ clearedAt: string }>(`/api/patients/${patientId}/pause/clear`, { method: "POST", body }),
    onSuccess: () => {
      setNote("");
      router.refresh();
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.submit({ note });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2 rounded-md bg-white p-3 text-slate-900">
      <FormStatus error={form.errors.note ? null : form.status} />
      <TextareaField
        label="Why it is safe to continue"
        hint="Recorded with your name in the patient's record and the audit trail; the patient is shown that the clinic cleared them."
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={2}
        maxLength={2000}
        error={form.errors.note}
      />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Clearing…" : "Clear the pause"}
      </Button>
    </form>
  );
}
