"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { Alert } from "@/app/_components/ui/card";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { CheckboxField, FormStatus, SelectField, TextareaField } from "@/app/_components/ui/form-controls";
import { ApiError, apiFetch } from "@/lib/client/api";
import { CONFIRM_ABOVE_MM, formatMm, type PlanDecision } from "@/lib/domain/clinical";
import type { IntervalFloor } from "@/lib/domain/clinic-settings";
import { intervalFloorFor } from "@/lib/domain/clinic-settings";
import { addDays, addMonths } from "@/lib/domain/dates";
import { STANDARD_INSTRUCTIONS } from "@/lib/domain/instructions";
import { longestNeedleMm, validatePlanDecision, type PlanAreaLimit } from "@/lib/domain/plan-rules";
import type { ScreeningEvaluation } from "@/lib/domain/screening";
import type { PlanVersionDto } from "@/lib/data/plans";
import type { PlanTemplateDto } from "@/lib/data/templates";
import { AreaLimitsField } from "@/app/(clinic)/_components/area-limits-field";
import { ConflictNotice } from "./conflict-notice";

type Props = {
  patientId: string;
  current: PlanVersionDto | null;
  screening: ScreeningEvaluation | null;
  intervalFloors: IntervalFloor[];
  templates: PlanTemplateDto[];
  /** Today in the clinic's time zone, from the server. */
  today: string;
};

const DECISIONS: { value: PlanDecision; label: string }[] = [
  { value: "approved", label: "Approve home microneedling" },
  { value: "denied", label: "Deny" },
  { value: "suspended", label: "Suspend" },
];

export function PlanEditor({ patientId, current, screening, intervalFloors, templates, today }: Props) {
  const router = useRouter();
  const startFrom = current?.decision === "approved" ? current : null;
  const [decision, setDecision] = useState<PlanDecision>("approved");
  const [areas, setAreas] = useState<PlanAreaLimit[]>(startFrom?.areas ?? []);
  const [minIntervalDays, setMinIntervalDays] = useState(startFrom?.minIntervalDays ? String(startFrom.minIntervalDays) : "");
  const [reviewBy, setReviewBy] = useState("");
  const [instructions, setInstructions] = useState(startFrom?.instructions ?? STANDARD_INSTRUCTIONS);
  const [text, setText] = useState({ reason: "", contraindicationOverride: "", intervalOverrideReason: "" });
  const [confirmLong, setConfirmLong] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<PlanVersionDto | null | undefined>(undefined);
  // The version this decision follows; moves forward only when the clinician has seen a newer one.
  const [baseVersion, setBaseVersion] = useState(current?.version ?? 0);

  const longest = longestNeedleMm(areas);
  const floor = longest === null ? null : intervalFloorFor(longest, intervalFloors);
  const interval = minIntervalDays === "" ? null : Number(minIntervalDays);
  const belowFloor = decision === "approved" && floor !== null && interval !== null && interval < floor;
  const needsLongConfirm = decision === "approved" && longest !== null && longest > CONFIRM_ABOVE_MM;
  const hasBlocks = (screening?.blocks.length ?? 0) > 0;
  const hasReviews = (screening?.reviews.length ?? 0) > 0;

  const draft = useMemo(
    () => ({ decision, areas, minIntervalDays: interval, reviewBy: reviewBy || null, instructions, ...text }),
    [decision, areas, interval, reviewBy, instructions, text],
  );

  const mutation = useMutation({
    mutationFn: () => apiFetch<PlanVersionDto>(`/api/patients/${patientId}/plans`, { method: "POST", body: { baseVersion, ...draft } }),
    onSuccess: () => {
      router.push(`/patients/${patientId}`);
      router.refresh();
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      if (error.status === 409) setConflict((error.body.currentVersion as PlanVersionDto | null) ?? null);
      setErrors(Object.fromEntries(error.issues.map((i) => [i.path.replace(/\.\d+\..*$/, ""), i.message])));
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const v of validatePlanDecision(draft, { today, screening, intervalFloors })) found[v.path.replace(/\.\d+\..*$/, "")] ??= v.message;
    if (needsLongConfirm && !confirmLong) found.confirmLong = `Confirm the lengths above ${CONFIRM_ABOVE_MM} mm.`;
    if (decision === "approved" && hasReviews && !acknowledged) found.acknowledged = "Acknowledge the screening cautions.";
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  }

  function applyTemplate(id: string) {
    const template = templates.find((t) => t.id === id);
    if (!template) return;
    setAreas(template.areas);
    setMinIntervalDays(String(template.minIntervalDays));
    setInstructions(template.instructions);
  }

  const errorCount = Object.keys(errors).length;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {conflict !== undefined && (
        <ConflictNotice
          latest={conflict}
          onKeep={() => {
            setBaseVersion(conflict?.version ?? 0);
            setConflict(undefined);
          }}
          onStartOver={() => window.location.reload()}
        />
      )}
      <FormStatus error={mutation.error && !(mutation.error instanceof ApiError && mutation.error.status === 409) ? mutation.error.message : errorCount ? "Please correct the fields marked below." : null} />

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Decision</legend>
        {DECISIONS.map((d) => (
          <label key={d.value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="decision" value={d.value} checked={decision === d.value} onChange={() => setDecision(d.value)} className="size-4 accent-brand-700" />
            {d.label}
          </label>
        ))}
      </fieldset>

      {decision === "approved" ? (
        <>
          {templates.length > 0 && (
            <SelectField label="Start from a clinic template" defaultValue="" onChange={(e) => applyTemplate(e.target.value)}>
              <option value="">Choose a template…</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </SelectField>
          )}
          <AreaLimitsField value={areas} onChange={setAreas} error={errors.areas} />
          <Field
            label="Minimum days between sessions in one area"
            name="minIntervalDays"
            type="number"
            min={1}
            inputMode="numeric"
            value={minIntervalDays}
            onChange={(e) => setMinIntervalDays(e.target.value)}
            error={errors.minIntervalDays}
            hint={floor !== null ? `Clinic floor for ${formatMm(longest!)} mm: ${floor} days.` : "Choose the areas first to see the clinic floor."}
          />
          {belowFloor && (
            <TextareaField
              label="Interval override reason"
              value={text.intervalOverrideReason}
              onChange={(e) => setText({ ...text, intervalOverrideReason: e.target.value })}
              error={errors.intervalOverrideReason}
              hint={`Required to go below the ${floor}-day floor.`}
              rows={2}
            />
          )}
          <Field
            label="Review by"
            name="reviewBy"
            type="date"
            min={addDays(today, 1)}
            max={addMonths(today, 12)}
            value={reviewBy}
            onChange={(e) => setReviewBy(e.target.value)}
            error={errors.reviewBy}
            hint="A future date, at most 12 months ahead. The plan expires after it."
          />
          <TextareaField label="Instructions for the patient" value={instructions} onChange={(e) => setInstructions(e.target.value)} error={errors.instructions} rows={6} />
          {hasBlocks && (
            <TextareaField
              label="Contraindication override justification"
              value={text.contraindicationOverride}
              onChange={(e) => setText({ ...text, contraindicationOverride: e.target.value })}
              error={errors.contraindicationOverride ?? errors.screening}
              hint="The screening has a blocking answer; approving needs your recorded justification."
              rows={3}
            />
          )}
          {!screening && <Alert tone="error">{errors.screening ?? "Record the screening before approving a plan."}</Alert>}
          {hasReviews && (
            <div>
              <CheckboxField label="I have reviewed the screening cautions for this patient." checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
              {errors.acknowledged && <p className="text-sm text-red-700">{errors.acknowledged}</p>}
            </div>
          )}
          {needsLongConfirm && (
            <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
              <CheckboxField
                label={`I confirm home use up to ${formatMm(longest!)} mm, above the usual ${CONFIRM_ABOVE_MM} mm, for this patient.`}
                checked={confirmLong}
                onChange={(e) => setConfirmLong(e.target.checked)}
              />
              {errors.confirmLong && <p className="text-sm text-red-700">{errors.confirmLong}</p>}
            </div>
          )}
        </>
      ) : (
        <TextareaField
          label={decision === "denied" ? "Reason for the denial" : "Reason for the suspension"}
          value={text.reason}
          onChange={(e) => setText({ ...text, reason: e.target.value })}
          error={errors.reason}
          hint="The patient sees this reason in their portal."
          rows={3}
        />
      )}

      <div className="flex gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : `Record version ${baseVersion + 1}`}
        </Button>
        <ButtonLink href={`/patients/${patientId}`}>Cancel</ButtonLink>
      </div>
    </form>
  );
}
