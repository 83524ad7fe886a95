"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { Alert } from "@/app/_components/ui/card";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { FormStatus, SelectField, TextareaField } from "@/app/_components/ui/form-controls";
import { ApiError, apiFetch } from "@/lib/client/api";
import { fieldErrors, useSchemaForm } from "@/lib/client/use-schema-form";
import { formatMm, needsLongNeedleConfirmation, type PlanDecision } from "@/lib/domain/clinical";
import { intervalFloorFor, type IntervalFloor } from "@/lib/domain/clinic-settings";
import { addDays, addMonths } from "@/lib/domain/dates";
import { STANDARD_INSTRUCTIONS } from "@/lib/domain/instructions";
import { longestNeedleMm, validatePlanDecision, type PlanAreaLimit, type PlanRuleScreening } from "@/lib/domain/plan-rules";
import type { ScreeningFinding } from "@/lib/domain/screening";
import type { PlanVersionDto } from "@/lib/data/plans";
import type { PlanTemplateDto } from "@/lib/data/templates";
import { planDecisionSchema } from "@/lib/validation/plans";
import { AreaLimitsField } from "@/app/(clinic)/_components/area-limits-field";
import { ConflictNotice } from "./conflict-notice";
import { DecisionChoice } from "./decision-choice";
import { LongNeedleConfirmation } from "./long-needle-confirmation";
import { ContraindicationOverride, ReviewAcknowledgements } from "./screening-checks";
import { ScreeningChangedNotice, StaleScreeningNotice } from "./screening-notices";
import { isPlaced, planFieldOf } from "./editor-errors";

type Props = {
  patientId: string;
  current: PlanVersionDto | null;
  /** The screening on screen: the decision names its version, and the rules judge it. */
  screening: PlanRuleScreening | null;
  intervalFloors: IntervalFloor[];
  screeningValidityDays: number;
  /** When the latest approval was decided, for the screening freshness rule. */
  previousApprovalAt: string | null;
  templates: PlanTemplateDto[];
  /** Today in the clinic's time zone, from the server. */
  today: string;
};

const NO_FINDINGS: ScreeningFinding[] = [];

export function PlanEditor({ patientId, current, screening, intervalFloors, screeningValidityDays, previousApprovalAt, templates, today }: Props) {
  const router = useRouter();
  const startFrom = current?.decision === "approved" ? current : null;
  const [decision, setDecision] = useState<PlanDecision>("approved");
  const [areas, setAreas] = useState<PlanAreaLimit[]>(startFrom?.areas ?? []);
  const [minIntervalDays, setMinIntervalDays] = useState(startFrom?.minIntervalDays ? String(startFrom.minIntervalDays) : "");
  const [reviewBy, setReviewBy] = useState("");
  const [instructions, setInstructions] = useState(startFrom?.instructions ?? STANDARD_INSTRUCTIONS);
  const [text, setText] = useState({ reason: "", contraindicationOverride: "", intervalOverrideReason: "" });
  const [confirmLong, setConfirmLong] = useState(false);
  const [overridden, setOverridden] = useState<string[]>([]);
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const [conflict, setConflict] = useState<PlanVersionDto | null | undefined>(undefined);
  const [screeningConflict, setScreeningConflict] = useState<{ latest: number; decidedOn: number } | null>(null);
  // The version this decision follows; moves forward only when the clinician has seen a newer one.
  const [baseVersion, setBaseVersion] = useState(current?.version ?? 0);

  const longest = longestNeedleMm(areas);
  const floor = longest === null ? null : intervalFloorFor(longest, intervalFloors);
  const interval = minIntervalDays === "" ? null : Number(minIntervalDays);
  const approving = decision === "approved";
  const belowFloor = approving && floor !== null && interval !== null && interval < floor;
  const needsLongConfirm = approving && needsLongNeedleConfirmation(areas);
  const blocks = screening?.evaluation.blocks ?? NO_FINDINGS;
  const reviews = screening?.evaluation.reviews ?? NO_FINDINGS;

  const draft = useMemo(
    () => ({
      decision,
      areas,
      minIntervalDays: interval,
      reviewBy: reviewBy || null,
      instructions,
      ...text,
      screeningVersion: screening?.version ?? null,
      // Only items of the screening on screen: a tick kept from an earlier screening vouches for nothing.
      overriddenItems: overridden.filter((item) => blocks.some((b) => b.item === item)),
      acknowledgedReviewItems: acknowledged.filter((item) => reviews.some((r) => r.item === item)),
      // Stored with the version, so only when a length actually needs it.
      confirmLongNeedle: confirmLong && needsLongConfirm,
    }),
    [decision, areas, interval, reviewBy, instructions, text, screening, overridden, acknowledged, blocks, reviews, confirmLong, needsLongConfirm],
  );
  // The same rules the server applies (lib/domain/plan-rules.ts), so the editor warns before it refuses.
  const violations = useMemo(
    () => validatePlanDecision(draft, { today, screening, intervalFloors, screeningValidityDays, previousApprovalAt }),
    [draft, today, screening, intervalFloors, screeningValidityDays, previousApprovalAt],
  );
  const stale = approving ? violations.find((v) => v.rule === "screening_stale") : undefined;

  const form = useSchemaForm({
    schema: planDecisionSchema,
    send: (body) => apiFetch<PlanVersionDto>(`/api/patients/${patientId}/plans`, { method: "POST", body }),
    fieldOf: planFieldOf,
    onSuccess: () => {
      router.push(`/patients/${patientId}`);
      router.refresh();
    },
    // A 409 names what changed meanwhile; its notice replaces the status line, and nothing typed is lost.
    onError: (error) => {
      if (!(error instanceof ApiError) || error.status !== 409) return;
      if (typeof error.body.currentScreeningVersion === "number") {
        setScreeningConflict({ latest: error.body.currentScreeningVersion, decidedOn: draft.screeningVersion ?? 0 });
      } else {
        setConflict((error.body.currentVersion as PlanVersionDto | null) ?? null);
      }
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.reset();
    // The domain rules come first: they name what to fix in the clinician's terms, before the shape check.
    if (violations.length > 0) form.showErrors(fieldErrors(violations, planFieldOf));
    else void form.submit({ baseVersion, ...draft });
  }

  function applyTemplate(id: string) {
    const template = templates.find((t) => t.id === id);
    if (!template) return;
    setAreas(template.areas);
    setMinIntervalDays(String(template.minIntervalDays));
    setInstructions(template.instructions);
  }

  const { errors } = form;
  const conflicted = form.failure instanceof ApiError && form.failure.status === 409;
  // A rule no field below shows (a server rule the editor does not know yet) still reaches the clinician.
  const unplaced = Object.entries(errors).find(([key]) => !isPlaced(key))?.[1];
  // The server may find the screening stale when this page did not (its clock moved on): same notice.
  const staleMessage = stale?.message ?? errors.screeningStale;
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
      {screeningConflict && (
        <ScreeningChangedNotice
          latestVersion={screeningConflict.latest}
          decidedOn={screeningConflict.decidedOn}
          onReload={() => {
            setScreeningConflict(null);
            form.reset();
            // Server components re-render with the new screening; what was typed here stays.
            router.refresh();
          }}
        />
      )}
      <FormStatus error={unplaced ?? (conflicted ? null : form.status)} />

      <DecisionChoice value={decision} onChange={setDecision} />

      {approving ? (
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
          {blocks.length > 0 && (
            <ContraindicationOverride
              blocks={blocks}
              justification={text.contraindicationOverride}
              onJustification={(value) => setText({ ...text, contraindicationOverride: value })}
              covered={overridden}
              onCovered={setOverridden}
              errors={errors}
            />
          )}
          {!screening && <Alert tone="error">{errors.screening ?? "Record the screening before approving a plan."}</Alert>}
          {staleMessage && <StaleScreeningNotice patientId={patientId} message={staleMessage} />}
          {reviews.length > 0 && <ReviewAcknowledgements reviews={reviews} acknowledged={acknowledged} onChange={setAcknowledged} error={errors.acknowledgedReviewItems} />}
          {needsLongConfirm && <LongNeedleConfirmation areas={areas} checked={confirmLong} onChange={setConfirmLong} error={errors.confirmLongNeedle} />}
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
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : `Record version ${baseVersion + 1}`}
        </Button>
        <ButtonLink href={`/patients/${patientId}`}>Cancel</ButtonLink>
      </div>
    </form>
  );
}
