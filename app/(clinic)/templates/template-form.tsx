"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AreaLimitsField } from "@/app/(clinic)/_components/area-limits-field";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { FormStatus, TextareaField } from "@/app/_components/ui/form-controls";
import { ApiError, apiFetch } from "@/lib/client/api";
import { fieldErrors } from "@/lib/client/form-errors";
import type { PlanAreaLimit } from "@/lib/domain/plan-rules";
import { planTemplateSchema } from "@/lib/validation/plans";

export function TemplateForm({ defaultInstructions }: { defaultInstructions: string }) {
  const router = useRouter();
  const [areas, setAreas] = useState<PlanAreaLimit[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formKey, setFormKey] = useState(0);
  const mutation = useMutation({
    mutationFn: (body: unknown) => apiFetch("/api/templates", { method: "POST", body }),
    onSuccess: () => {
      setAreas([]);
      setFormKey((k) => k + 1);
      router.refresh();
    },
    onError: (error) => error instanceof ApiError && setErrors(fieldErrors(error.issues)),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = planTemplateSchema.safeParse({
      name: form.get("name"),
      areas,
      minIntervalDays: Number(form.get("minIntervalDays")),
      instructions: form.get("instructions"),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data);
  }

  return (
    <form key={formKey} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormStatus error={mutation.error?.message} success={mutation.isSuccess ? "Template saved." : null} />
      <Field label="Template name" name="name" maxLength={80} error={errors.name} />
      <AreaLimitsField value={areas} onChange={setAreas} error={errors.areas} />
      <Field label="Minimum days between sessions" name="minIntervalDays" type="number" min={1} error={errors.minIntervalDays} />
      <TextareaField label="Instructions" name="instructions" rows={6} defaultValue={defaultInstructions} error={errors.instructions} />
      <Button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Saving…" : "Save template"}
      </Button>
    </form>
  );
}
