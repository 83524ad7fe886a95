"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { Field } from "@/app/_components/ui/field";
import { CheckboxField, FormStatus } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { useSchemaForm } from "@/lib/client/use-schema-form";
import { HEALTH_CHANGE_GROUPS, type HealthChangeItem } from "@/lib/domain/health-changes";
import type { HealthChangeReceipt } from "@/lib/data/health-changes";

type Props = {
  patientId: string;
  clinicPhone: string | null;
  /** Staff writing down a patient's call: the receipt says what was recorded, not what to do. */
  forStaff?: boolean;
  onSaved?: (receipt: HealthChangeReceipt) => void;
};

type Draft = { date: string; note: string };

/** Loaded when the form is first sent, so the portal's first load carries no validation library. */
const loadSchema = async () => (await import("@/lib/validation/health-changes")).healthChangeReportSchema;

/**
 * "Tell your clinic about a change": the patient's own words, mapped to the screening's items. The same
 * form records a phone call on the patient's page. Every answer stays on screen after a failure.
 */
export function HealthChangeForm({ patientId, clinicPhone, forStaff = false, onSaved }: Props) {
  const [chosen, setChosen] = useState<Partial<Record<HealthChangeItem, Draft>>>({});
  const [receipt, setReceipt] = useState<HealthChangeReceipt | null>(null);
  const form = useSchemaForm({
    schema: loadSchema,
    send: (body) => apiFetch<HealthChangeReceipt>(`/api/patients/${patientId}/health-changes`, { method: "POST", body }),
    // "items.2.note" stays whole, so the message lands by the choice it belongs to.
    fieldOf: (issue) => issue.path,
    onSuccess: (saved) => {
      setReceipt(saved);
      setChosen({});
      onSaved?.(saved);
    },
  });
  const items = Object.entries(chosen).map(([item, draft]) => ({ item, date: draft!.date || null, note: draft!.note || null }));
  const indexOf = (item: string) => items.findIndex((i) => i.item === item);
  const errorFor = (item: string, field: "date" | "note") => form.errors[`items.${indexOf(item)}.${field}`];

  function toggle(item: HealthChangeItem, on: boolean) {
    setReceipt(null);
    setChosen((current) => {
      const next = { ...current };
      if (on) next[item] = { date: "", note: "" };
      else delete next[item];
      return next;
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setReceipt(null);
    void form.submit({ items });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {receipt && <Receipt receipt={receipt} clinicPhone={clinicPhone} forStaff={forStaff} />}
      <FormStatus error={form.errors.items ?? form.status} />
      {HEALTH_CHANGE_GROUPS.map((group) => (
        <fieldset key={group.title} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 font-semibold">{group.title}</legend>
          {group.choices.map((choice) => {
            const draft = chosen[choice.item];
            return (
              <div key={choice.item} className="space-y-2">
                <CheckboxField label={choice.label} checked={Boolean(draft)} onChange={(e) => toggle(choice.item, e.target.checked)} />
                {draft && (
                  <div className="ml-6 grid gap-2 sm:grid-cols-2">
                    <Field
                      label={choice.dateLabel ?? "Since (optional)"}
                      type="date"
                      value={draft.date}
                      onChange={(e) => setChosen((c) => ({ ...c, [choice.item]: { ...draft, date: e.target.value } }))}
                      error={errorFor(choice.item, "date")}
                    />
                    <Field
                      label={choice.needsNote ? "Name of the medicine" : "Anything to add (optional)"}
                      value={draft.note}
                      maxLength={500}
                      onChange={(e) => setChosen((c) => ({ ...c, [choice.item]: { ...draft, note: e.target.value } }))}
                      error={errorFor(choice.item, "note")}
                    />
                  </div>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      <Button type="submit" className="w-full sm:w-auto" disabled={form.pending || items.length === 0}>
        {form.pending ? "Sending…" : forStaff ? "Record the change" : "Tell my clinic"}
      </Button>
    </form>
  );
}

/** What happened, and no more: nobody is notified yet, so the clinic sees it when it next opens the record. */
function Receipt({ receipt, clinicPhone, forStaff }: { receipt: HealthChangeReceipt; clinicPhone: string | null; forStaff: boolean }) {
  const call = clinicPhone ? `call your clinic on ${clinicPhone}` : "call your clinic";
  if (forStaff) {
    return (
      <Alert tone={receipt.paused ? "error" : "info"} role="status">
        Recorded {receipt.items.length === 1 ? "the change" : `${receipt.items.length} changes`} as the patient&rsquo;s statement.{" "}
        {receipt.paused
          ? "Home microneedling is now paused and a high alert is open; tell the patient to stop if they do not already know."
          : "A normal alert asks a clinician to review it; the plan stays as it is."}
      </Alert>
    );
  }
  if (receipt.paused) {
    return (
      <Alert tone="error" role="status">
        <p className="font-semibold">Stop microneedling now, in every area.</p>
        <p className="mt-1">
          Your clinic will see what you told them the next time they open your record, and will tell you when you may continue. If you have questions
          or feel unwell, {call}; if it is urgent, seek urgent care.
        </p>
      </Alert>
    );
  }
  return (
    <Alert tone="info" role="status">
      Thank you. Your clinic will see this the next time they open your record. Keep to your plan unless they tell you otherwise; if you are unsure, {call}.
    </Alert>
  );
}
