"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { inputClasses } from "@/app/_components/ui/field";
import { FormStatus } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { SCREENING_ITEMS, type ScreeningClass, type ScreeningItemCode } from "@/lib/domain/clinical";
import { screeningSchema } from "@/lib/validation/screening";

type Props = {
  patientId: string;
  classes: Record<ScreeningItemCode, ScreeningClass>;
  lookbackMonths: number;
  initial: { item: ScreeningItemCode; answer: boolean; date: string | null }[] | null;
};

export function ScreeningForm({ patientId, classes, lookbackMonths, initial }: Props) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: (body: unknown) => apiFetch(`/api/patients/${patientId}/screening`, { method: "PUT", body }),
    onSuccess: () => {
      router.push(`/patients/${patientId}`);
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const unanswered = SCREENING_ITEMS.filter((item) => !form.get(`${item.code}.answer`));
    if (unanswered.length) {
      setErrors(Object.fromEntries(unanswered.map((i) => [i.code, "Answer yes or no."])));
      return;
    }
    const answers = SCREENING_ITEMS.map((item) => ({
      item: item.code,
      answer: form.get(`${item.code}.answer`) === "yes",
      date: (form.get(`${item.code}.date`) as string | null) || null,
    }));
    const parsed = screeningSchema.safeParse({ answers });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [SCREENING_ITEMS[Number(i.path[1])]?.code ?? "form", i.message])));
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormStatus error={mutation.error?.message ?? (Object.keys(errors).length ? "Some answers need attention (marked below)." : null)} />
      <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {SCREENING_ITEMS.map((item) => {
          const previous = initial?.find((a) => a.item === item.code);
          const cls = classes[item.code];
          const dateLabel = "dateLabel" in item ? item.dateLabel : null;
          return (
            <li key={item.code} className="p-4">
              <fieldset aria-describedby={errors[item.code] ? `${item.code}-error` : undefined}>
                <legend className="flex flex-wrap items-center gap-2 font-medium">
                  {item.label}
                  <Badge tone={cls === "block" ? "danger" : "warning"}>{cls === "block" ? "Blocks approval" : "Needs review"}</Badge>
                </legend>
                {item.code === "isotretinoin" && (
                  <p className="mt-1 text-sm text-slate-600">Counts as current when the last dose is within {lookbackMonths} months.</p>
                )}
                <div className="mt-2 flex flex-wrap items-end gap-4">
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
                    <label className="text-sm">
                      <span className="mr-2">{dateLabel} (optional)</span>
                      <input type="date" name={`${item.code}.date`} defaultValue={previous?.date ?? ""} className={`${inputClasses} inline-block w-44`} />
                    </label>
                  )}
                </div>
                {errors[item.code] && (
                  <p id={`${item.code}-error`} className="mt-1 text-sm text-red-700">
                    {errors[item.code]}
                  </p>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="flex gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Save screening"}
        </Button>
        <ButtonLink href={`/patients/${patientId}`}>Cancel</ButtonLink>
      </div>
    </form>
  );
}
