"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AreaLimitsField } from "@/app/(clinic)/_components/area-limits-field";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { FormStatus, TextareaField } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { useSchemaForm } from "@/lib/client/use-schema-form";
import type { PlanAreaLimit } from "@/lib/domain/plan-rules";
import { planTemplateSchema } from "@/lib/validation/plans";

export function TemplateForm({ defaultInstructions }: { defaultInstructions: string }) {
  const router = useRouter();
  const [areas, setAreas] = useState<PlanAreaLimit[]>([]);
  const [saved, setSaved] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const form = useSchemaForm({
    schema: planTemplateSchema,
    send: (body) => apiFetch("/api/templates", { method: "POST", body }),
    onSuccess: () => {
      setSaved(true);
      setAreas([]);
      setFormKey((k) => k + 1);
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget);
    const minIntervalDays = data.get("minIntervalDays");
    void form.submit({
      name: data.get("name"),
      areas,
      minIntervalDays: minIntervalDays ? Number(minIntervalDays) : undefined,
      instructions: data.get("instructions"),
    });
  }

  const { errors } = form;
  return (
    <form key={formKey} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormStatus error={form.status} success={saved ? "Template saved." : null} />
      <Field label="Template name" name="name" maxLength={80} error={errors.name} />
      <AreaLimitsField value={areas} onChange={setAreas} error={errors.areas} />
      <Field label="Minimum days between sessions" name="minIntervalDays" type="number" min={1} error={errors.minIntervalDays} />
      <TextareaField label="Instructions" name="instructions" rows={6} defaultValue={defaultInstructions} error={errors.instructions} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Save template"}
      </Button>
    </form>
  );
}
