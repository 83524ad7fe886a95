"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { FormStatus } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { fieldErrors, useSchemaForm } from "@/lib/client/use-schema-form";
import { DEFAULT_ALERT_RULES } from "@/lib/domain/alert-rules";
import { SCREENING_ITEMS, type ScreeningItemCode } from "@/lib/domain/clinical";
import { DEFAULT_ISOTRETINOIN_LOOKBACK_MONTHS, findLoosening, loosenedBlockClasses, type ClinicSettings } from "@/lib/domain/clinic-settings";
import { PROPOSAL_TTL_HOURS } from "@/lib/domain/settings-proposals";
import { isJustification, JUSTIFICATION_RULE } from "@/lib/domain/text";
import { clinicSettingsSchema } from "@/lib/validation/clinic-settings";
import { AlertRulesFields } from "./alert-rules-fields";
import { errorFor, settingsFieldOf } from "./field-errors";
import { ScreeningClassFields } from "./screening-class-fields";
import { SpacingFields } from "./spacing-fields";

/** PUT /api/clinic/settings: the settings in force (200), or a proposal waiting for a second person (202). */
type SaveAnswer = ClinicSettings | { proposal: { loosened: { label: string }[] }; settings: ClinicSettings; appliedNow: boolean };

const classesOf = (form: FormData) => Object.fromEntries(SCREENING_ITEMS.map((i) => [i.code, form.get(`class.${i.code}`)])) as ClinicSettings["screeningClasses"];

function readForm(form: FormData, settings: ClinicSettings) {
  const checked = form.getAll("persistentSymptoms").map(String);
  return {
    screeningClasses: classesOf(form),
    intervalFloors: settings.intervalFloors.map((f, index) => ({ upToMm: f.upToMm, minDays: Number(form.get(`floor.${index}`)) })),
    isotretinoinLookbackMonths: Number(form.get("lookback")),
    alertRules: {
      severeGrade: Number(form.get("severeGrade")),
      infectionGrade: Number(form.get("infectionGrade")),
      persistentGrade: Number(form.get("persistentGrade")),
      persistentHours: Number(form.get("persistentHours")),
      persistentSymptoms: [...new Set([...DEFAULT_ALERT_RULES.persistentSymptoms, ...checked])],
    },
    screeningValidityDays: Number(form.get("screeningValidityDays")),
    rednessExtraSpacingDays: Number(form.get("rednessExtraSpacingDays")),
    reason: form.get("reason") ?? undefined,
  };
}

/**
 * Clinicians edit; admins read (changing a clinical safety setting is a clinician's act). The same
 * rules the server applies run here first: a loosening that is never allowed is named before anything
 * is sent, and one that needs a second person asks for its reason.
 */
export function SettingsForm({ settings, canEdit }: { settings: ClinicSettings; canEdit: boolean }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const [loosening, setLoosening] = useState<ScreeningItemCode[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSchemaForm({
    schema: clinicSettingsSchema,
    send: (body) => apiFetch<SaveAnswer>("/api/clinic/settings", { method: "PUT", body }),
    fieldOf: settingsFieldOf,
    onSuccess: (answer) => {
      if ("proposal" in answer) {
        const { loosened } = answer.proposal;
        const rest = answer.appliedNow ? " Your other changes are in force now." : "";
        setSaved(`Proposed: ${loosened.map((l) => l.label).join("; ")} keeps blocking until a second clinician or an admin confirms it within ${PROPOSAL_TTL_HOURS} hours (see Pending changes).${rest}`);
        // The form shows the settings in force again: the proposal waits below, under "Pending changes".
        formRef.current?.reset();
        setLoosening([]);
      } else {
        setSaved("Settings saved. New decisions use them from now on.");
      }
      router.refresh();
    },
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.reset();
    setSaved(null);
    const data = await form.validate(readForm(new FormData(event.currentTarget), settings));
    if (!data) return;
    const { alertRules, screeningValidityDays, rednessExtraSpacingDays, reason, ...rest } = data;
    const next = {
      ...rest,
      alertRules: alertRules ?? settings.alertRules,
      screeningValidityDays: screeningValidityDays ?? settings.screeningValidityDays,
      rednessExtraSpacingDays: rednessExtraSpacingDays ?? settings.rednessExtraSpacingDays,
    };
    const refused = findLoosening(next);
    if (refused.length > 0) return form.showErrors(fieldErrors(refused, settingsFieldOf));
    if (loosenedBlockClasses(settings, next).length > 0 && !isJustification(reason)) {
      return form.showErrors({ reason: `Give a reason: ${JUSTIFICATION_RULE}.` });
    }
    await form.send(data);
  }

  const { errors } = form;
  const invalid = Object.keys(errors).length > 0;
  const status = invalid ? `Not saved. ${errors.form ?? "Check the settings marked below."}` : (form.failure?.message ?? null);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={(event) => setLoosening(loosenedBlockClasses(settings, { ...settings, screeningClasses: classesOf(new FormData(event.currentTarget)) }))}
      noValidate
      className="space-y-6"
    >
      <FormStatus error={status} success={saved} />
      {/* A disabled fieldset makes every control read-only for admins in one place. */}
      <fieldset disabled={!canEdit} className="space-y-6">
        <ScreeningClassFields settings={settings} errors={errors} loosening={loosening} />
        <SpacingFields settings={settings} errors={errors} />
        <Field
          label="Isotretinoin lookback (months)"
          name="lookback"
          type="number"
          min={DEFAULT_ISOTRETINOIN_LOOKBACK_MONTHS}
          max={24}
          defaultValue={settings.isotretinoinLookbackMonths}
          hint={`A last dose within this many months counts as current. At least ${DEFAULT_ISOTRETINOIN_LOOKBACK_MONTHS} months.`}
          error={errorFor(errors, "isotretinoinLookbackMonths")}
          className="max-w-xs"
        />
        <AlertRulesFields rules={settings.alertRules} errors={errors} />
      </fieldset>
      {canEdit && (
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : loosening.length > 0 ? "Propose the change" : "Save settings"}
        </Button>
      )}
    </form>
  );
}
