"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field, inputClasses } from "@/app/_components/ui/field";
import { FormStatus } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { formatMm, SCREENING_ITEMS } from "@/lib/domain/clinical";
import type { ClinicSettings } from "@/lib/domain/clinic-settings";
import { clinicSettingsSchema } from "@/lib/validation/clinic-settings";
import { AlertRulesFields } from "./alert-rules-fields";

export function SettingsForm({ settings }: { settings: ClinicSettings }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: unknown) => apiFetch("/api/clinic/settings", { method: "PUT", body }),
    onSuccess: () => router.refresh(),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = clinicSettingsSchema.safeParse({
      screeningClasses: Object.fromEntries(SCREENING_ITEMS.map((i) => [i.code, form.get(`class.${i.code}`)])),
      intervalFloors: settings.intervalFloors.map((f, index) => ({ upToMm: f.upToMm, minDays: Number(form.get(`floor.${index}`)) })),
      isotretinoinLookbackMonths: Number(form.get("lookback")),
      alertRules: {
        severeGrade: Number(form.get("severeGrade")),
        infectionGrade: Number(form.get("infectionGrade")),
        persistentGrade: Number(form.get("persistentGrade")),
        persistentHours: Number(form.get("persistentHours")),
        persistentSymptoms: form.getAll("persistentSymptoms"),
      },
    });
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join(" "));
      return;
    }
    setError(null);
    mutation.mutate(parsed.data);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormStatus error={error ?? mutation.error?.message} success={mutation.isSuccess ? "Settings saved. New decisions use them from now on." : null} />
      <fieldset className="space-y-2">
        <legend className="text-lg font-semibold">Screening items</legend>
        <p className="text-sm text-slate-700">“Block” refuses approval without a recorded override; “Review” warns and asks the clinician to acknowledge.</p>
        <div className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {SCREENING_ITEMS.map((item) => (
            <div key={item.code} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <label htmlFor={`class-${item.code}`} className="text-sm">
                {item.label}
              </label>
              <select id={`class-${item.code}`} name={`class.${item.code}`} defaultValue={settings.screeningClasses[item.code]} className={`${inputClasses} w-36`}>
                <option value="block">Block</option>
                <option value="review">Review</option>
              </select>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-lg font-semibold">Minimum days between sessions in one area</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {settings.intervalFloors.map((floor, index) => (
            <Field key={floor.upToMm} label={`Longest length up to ${formatMm(floor.upToMm)} mm`} name={`floor.${index}`} type="number" min={1} max={365} defaultValue={floor.minDays} />
          ))}
        </div>
      </fieldset>
      <Field
        label="Isotretinoin lookback (months)"
        name="lookback"
        type="number"
        min={1}
        max={24}
        defaultValue={settings.isotretinoinLookbackMonths}
        hint="A last dose within this many months counts as current."
        className="max-w-xs"
      />
      <AlertRulesFields rules={settings.alertRules} />
      <Button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
