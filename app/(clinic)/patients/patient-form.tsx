"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { FormStatus, SelectField } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { useSchemaForm } from "@/lib/client/use-schema-form";
import { SKIN_TYPES } from "@/lib/domain/clinical";
import { skinTypeLabel } from "@/lib/format";
import { patientCreateSchema } from "@/lib/validation/patients";

type Values = { name: string; dateOfBirth: string; mrn: string; skinType: number; responsibleClinicianId: string; phone: string | null };
type Props = {
  clinicians: { id: string; name: string }[];
  initial?: Values & { id: string };
};

/** Creates a patient, or edits one when `initial` is given; the same schema checks both sides. */
export function PatientForm({ clinicians, initial }: Props) {
  const router = useRouter();
  const form = useSchemaForm({
    schema: patientCreateSchema,
    send: (values) =>
      initial
        ? apiFetch<{ id: string }>(`/api/patients/${initial.id}`, { method: "PATCH", body: values })
        : apiFetch<{ id: string }>("/api/patients", { method: "POST", body: values }),
    onSuccess: (patient) => {
      router.push(`/patients/${patient.id}`);
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.submit(Object.fromEntries(new FormData(event.currentTarget)));
  }

  const { errors } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <FormStatus error={form.status} />
      <Field label="Full name" name="name" defaultValue={initial?.name} required maxLength={120} error={errors.name} autoComplete="off" />
      <Field label="Date of birth" name="dateOfBirth" type="date" defaultValue={initial?.dateOfBirth} required error={errors.dateOfBirth} />
      <Field label="MRN" name="mrn" defaultValue={initial?.mrn} required maxLength={32} error={errors.mrn} hint="Medical record number, unique in your clinic." />
      <Field
        label="Phone (optional)"
        name="phone"
        type="tel"
        defaultValue={initial?.phone ?? ""}
        maxLength={32}
        error={errors.phone}
        autoComplete="off"
        hint="Needed to tell a patient without portal access to stop microneedling."
      />
      <SelectField label="Fitzpatrick skin type" name="skinType" defaultValue={initial?.skinType ?? ""} required error={errors.skinType}>
        <option value="" disabled>
          Choose…
        </option>
        {SKIN_TYPES.map((t) => (
          <option key={t} value={t}>
            {skinTypeLabel(t)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Responsible clinician"
        name="responsibleClinicianId"
        defaultValue={initial?.responsibleClinicianId ?? ""}
        required
        error={errors.responsibleClinicianId}
      >
        <option value="" disabled>
          Choose…
        </option>
        {clinicians.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <div className="flex gap-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : initial ? "Save changes" : "Create patient"}
        </Button>
        <ButtonLink href={initial ? `/patients/${initial.id}` : "/patients"}>Cancel</ButtonLink>
      </div>
    </form>
  );
}
