"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { FormStatus, TextareaField } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { useSchemaForm } from "@/lib/client/use-schema-form";

const WORDS = {
  note: { open: "Add a note…", label: "Note", submit: "Add note" },
  call: { open: "Record the call…", label: "What the patient was told on the call", submit: "Record the call" },
} as const;

/**
 * A note on one alert, or the recorded call to a patient who has no portal access. Checked with the
 * API's own schema, loaded on first use; notes are never edited afterwards.
 */
export function AlertNoteForm({ alertId, kind, patientName }: { alertId: string; kind: "note" | "call"; patientName: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const words = WORDS[kind];
  const form = useSchemaForm({
    schema: () => import("@/lib/validation/alerts").then((m) => m.alertNoteSchema),
    send: (body) => apiFetch(`/api/alerts/${alertId}/notes`, { method: "POST", body }),
    onSuccess: () => {
      setNote("");
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.alertSummary });
      router.refresh();
    },
  });

  if (!open) {
    return (
      <Button variant={kind === "call" ? "primary" : "ghost"} onClick={() => setOpen(true)}>
        {words.open}
      </Button>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.submit({ kind, note });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
      <FormStatus error={form.failure && !form.errors.note ? form.failure.message : null} />
      <TextareaField label={`${words.label} (${patientName})`} value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={2000} error={form.errors.note} />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : words.submit}
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            setOpen(false);
            form.reset();
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
