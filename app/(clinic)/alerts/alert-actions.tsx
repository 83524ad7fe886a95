"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { CheckboxField, FormStatus, TextareaField } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { loadReportSchemas } from "@/lib/client/report-schemas";
import { useSchemaForm } from "@/lib/client/use-schema-form";

/** One alert, or every open alert of a patient and kind up to the newest one shown (the inbox's groups). */
export type AlertTarget = { alertId: string } | { group: { patientId: string; kind: string; upTo: string; count: number } };

type Action = "acknowledge" | "resolve";

type Props = {
  target: AlertTarget;
  status: "open" | "acknowledged" | "resolved";
  canSuspend: boolean;
  /** False for an admin on a high-severity alert: closing it is a clinician's judgement (the API answers 403). */
  canResolve: boolean;
  /** False for an admin on a high alert (or a group of only high ones): they add a note instead. */
  canAcknowledge: boolean;
  /** The acknowledge button's words when they differ from the default ("Acknowledge the 3 normal"). */
  acknowledgeLabel?: string;
  /** The patient must be called first: nothing closes until the call is recorded (the API answers 409). */
  awaitingCall?: boolean;
  patientName: string;
};

/** Acknowledge, or resolve with a note (and optionally suspend the plan); nothing is ever deleted. */
export function AlertActions({ target, status, canSuspend, canResolve, canAcknowledge, acknowledgeLabel, awaitingCall = false, patientName }: Props) {
  const group = "group" in target ? target.group : null;
  const router = useRouter();
  const queryClient = useQueryClient();
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState("");
  const [suspendPlan, setSuspendPlan] = useState(false);
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.alertSummary });
    router.refresh();
  };
  const url = (action: Action) => (group ? "/api/alerts/groups" : `/api/alerts/${(target as { alertId: string }).alertId}/${action}`);
  const groupBody = (action: Action) => (group ? { patientId: group.patientId, kind: group.kind, upTo: group.upTo, action } : undefined);
  // Acknowledging sends no input, so it needs no form: only its pending and error state.
  const [left, setLeft] = useState<string | null>(null);
  const acknowledge = useMutation({
    mutationFn: () => apiFetch<{ leftForClinician?: number; awaitingCall?: number }>(url("acknowledge"), { method: "POST", body: groupBody("acknowledge") }),
    onSuccess: (result) => {
      setLeft(leftOpen(result));
      done();
    },
  });
  // The note is checked by the API's own schema (a group and a single alert each have one), loaded with zod on first use.
  const resolve = useSchemaForm({
    schema: async () => {
      const schemas = await loadReportSchemas();
      return group ? schemas.alertGroupActionSchema : schemas.alertResolveSchema;
    },
    send: (body) => apiFetch(url("resolve"), { method: "POST", body }),
    onSuccess: done,
  });
  const all = group ? ` all ${group.count}` : "";

  if (status === "resolved") return null;
  if (awaitingCall && !group) return null;

  function onResolve(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void resolve.submit(group ? { ...groupBody("resolve"), note } : { note, suspendPlan });
  }

  return (
    <div className="space-y-2">
      <FormStatus error={acknowledge.error?.message ?? resolve.failure?.message} success={left} />
      {!resolving ? (
        <div className="flex flex-wrap gap-2">
          {status === "open" && canAcknowledge && (
            <Button variant="secondary" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate()}>
              {acknowledgeLabel ?? `Acknowledge${all}`}
            </Button>
          )}
          {canResolve && (
            <Button variant="secondary" onClick={() => setResolving(true)}>
              Resolve{all}…
            </Button>
          )}
          {!canResolve && <p className="self-center text-sm text-slate-700">Only a clinician acknowledges or resolves high-severity alerts: add a note instead.</p>}
        </div>
      ) : (
        <form onSubmit={onResolve} noValidate className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
          <TextareaField label={`Resolution note for ${patientName}`} value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={2000} error={resolve.errors.note} />
          {canSuspend && !group && (
            <CheckboxField label="Also suspend the home-care plan (the note becomes the reason the patient sees)" checked={suspendPlan} onChange={(e) => setSuspendPlan(e.target.checked)} />
          )}
          <div className="flex gap-2">
            <Button type="submit" variant={suspendPlan ? "danger" : "primary"} disabled={resolve.pending}>
              {resolve.pending ? "Saving…" : suspendPlan ? "Resolve and suspend plan" : `Resolve${all}`}
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setResolving(false);
                resolve.reset();
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

/** What a group acknowledgement left open, and why, in the answer's own counts. */
function leftOpen(result: { leftForClinician?: number; awaitingCall?: number }): string | null {
  const parts = [
    result.leftForClinician ? `${result.leftForClinician} high-severity ${result.leftForClinician === 1 ? "alert" : "alerts"} left open for a clinician` : null,
    result.awaitingCall ? `${result.awaitingCall} left open until the call to the patient is recorded` : null,
  ].filter(Boolean);
  return parts.length ? `Acknowledged the rest; ${parts.join("; ")}.` : null;
}
