"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { GroupField } from "@/app/(clinic)/_components/group-field";
import { Badge } from "@/app/_components/ui/badge";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { FormStatus } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { useSchemaForm, type PlacedIssue } from "@/lib/client/use-schema-form";
import { SCREENING_ITEMS, type ScreeningClass, type ScreeningItemCode } from "@/lib/domain/clinical";
import { screeningSchema } from "@/lib/validation/screening";

type Props = {
  patientId: string;
  classes: Record<ScreeningItemCode, ScreeningClass>;
  lookbackMonths: number;
  initial: { item: ScreeningItemCode; answer: boolean; date: string | null }[] | null;
};

/** Answers are sent in checklist order, so `answers.3.date` is the fourth item's date; anything else is the form's. */
function screeningFieldOf({ path }: PlacedIssue): string {
  const [, index, key] = path.split(".");
  const code = index === undefined ? undefined : SCREENING_ITEMS[Number(index)]?.code;
  if (!code) return "form";
  return key === "date" ? `${code}.date` : code;
}

function readAnswers(form: FormData) {
  return SCREENING_ITEMS.map((item) => {
    const answer = form.get(`${item.code}.answer`);
    return { item: item.code, answer: answer === null ? undefined : answer === "yes", date: (form.get(`${item.code}.date`) as string | null) || null };
  });
}

export function ScreeningForm({ patientId, classes, lookbackMonths, initial }: Props) {
  const router = useRouter();
  const form = useSchemaForm({
    schema: screeningSchema,
    send: (body) => apiFetch(`/api/patients/${patientId}/screening`, { method: "PUT", body }),
    fieldOf: screeningFieldOf,
    onSuccess: () => {
      router.push(`/patients/${patientId}`);
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.submit({ answers: readAnswers(new FormData(event.currentTarget)) });
  }

  const { errors } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormStatus error={errors.form ?? form.status} />
      <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {SCREENING_ITEMS.map((item) => {
          const previous = initial?.find((a) => a.item === item.code);
          const cls = classes[item.code];
          const dateLabel = "dateLabel" in item ? item.dateLabel : null;
          return (
            <li key={item.code} className="p-4">
              <GroupField
                legend={
                  <>
                    {item.label}
                    <Badge tone={cls === "block" ? "danger" : "warning"}>{cls === "block" ? "Blocks approval" : "Needs review"}</Badge>
                  </>
                }
                legendClassName="flex flex-wrap items-center gap-2 font-medium"
                error={errors[item.code]}
                className="space-y-2"
              >
                {item.code === "isotretinoin" && <p className="text-sm text-slate-600">Counts as current when the last dose is within {lookbackMonths} months.</p>}
                <div className="flex flex-wrap items-end gap-4">
                  {(["no", "yes"] as const).map((value) => (
                    <label key={value} className="flex items-center gap-2 text-sm">
                      <input
                        type="radio"
                        name={`${item.code}.answer`}
                        value={value}
                        defaultChecked={previous ? previous.answer === (value === "yes") : undefined}
                        className="size-4 accent-brand-700"
                      />
                      {value === "yes" ? "Yes" : "No"}
                    </label>
                  ))}
                  {dateLabel && (
                    <Field
                      label={`${dateLabel} (optional)`}
                      type="date"
                      name={`${item.code}.date`}
                      defaultValue={previous?.date ?? ""}
                      error={errors[`${item.code}.date`]}
                      className="w-44"
                    />
                  )}
                </div>
              </GroupField>
            </li>
          );
        })}
      </ol>
      <div className="flex gap-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : "Save screening"}
        </Button>
        <ButtonLink href={`/patients/${patientId}`}>Cancel</ButtonLink>
      </div>
    </form>
  );
}
