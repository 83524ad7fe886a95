"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { FormStatus, SelectField } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";
import { fieldErrors, useSchemaForm } from "@/lib/client/use-schema-form";
import { DEFAULT_ALERT_RULES } from "@/lib/domain/alert-rules";
import { SCREENING_ITEMS } from "@/lib/domain/clinical";
import { ALWAYS_BLOCK_ITEMS, DEFAULT_ISOTRETINOIN_LOOKBACK_MONTHS, findLoosening, type ClinicSettings } from "@/lib/domain/clinic-settings";
import { clinicSettingsSchema } from "@/lib/validation/clinic-settings";
import { AlertRulesFields } from "./alert-rules-fields";
import { errorFor, settingsFieldOf } from "./field-errors";
import { SpacingFields } from "./spacing-fields";

function readForm(form: FormData, settings: ClinicSettings) {
  const checked = form.getAll("persistentSymptoms").map(String);
  return {
    screeningClasses: Object.fromEntries(SCREENING_ITEMS.map((i) => [i.code, form.get(`class.${i.code}`)])),
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
  };
}

/**
 * Clinicians edit; admins read (changing a clinical safety setting is a clinician's act). The same
 * tighten-only rule the server applies runs here first, so a loosening is named before anything is sent.
 */
export function SettingsForm({ settings, canEdit }: { settings: ClinicSettings; canEdit: boolean }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm({
    schema: clinicSettingsSchema,
    send: (body) => apiFetch("/api/clinic/settings", { method: "PUT", body }),
    fieldOf: settingsFieldOf,
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.reset();
    setSaved(false);
    const data = await form.validate(readForm(new FormData(event.currentTarget), settings));
    if (!data) return;
    const { alertRules, screeningValidityDays, rednessExtraSpacingDays, ...rest } = data;
    const loosened = findLoosening({
      ...rest,
      alertRules: alertRules ?? settings.alertRules,
      screeningValidityDays: screeningValidityDays ?? settings.screeningValidityDays,
      rednessExtraSpacingDays: rednessExtraSpacingDays ?? settings.rednessExtraSpacingDays,
    });
    if (loosened.length > 0) form.showErrors(fieldErrors(loosened, settingsFieldOf));
    else await form.send(data);
  }

  const { errors } = form;
  const invalid = Object.keys(errors).length > 0;
  const status = invalid ? `Not saved. ${errors.form ?? "Check the settings marked below."}` : (form.failure?.message ?? null);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormStatus error={status} success={saved ? "Settings saved. New decisions use them from now on." : null} />
      {/* A disabled fieldset makes every control read-only for admins in one place. */}
      <fieldset disabled={!canEdit} className="space-y-6">
        <fieldset className="space-y-2">
          <legend className="text-lg font-semibold">Screening items</legend>
          <p className="text-sm text-slate-700">“Block” refuses approval without a recorded override; “Review” warns and asks the clinician to acknowledge.</p>
          <div className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {SCREENING_ITEMS.map((item) => {
              const always = ALWAYS_BLOCK_ITEMS.includes(item.code);
              return (
                <SelectField
                  key={item.code}
                  id={`class-${item.code}`}
                  label={item.label}
                  name={`class.${item.code}`}
                  defaultValue={always ? "block" : settings.screeningClasses[item.code]}
                  error={errorFor(errors, `screeningClasses.${item.code}`)}
                  className="px-3 py-2"
                >
                  <option value="block">{always ? "Block (always)" : "Block"}</option>
                  {!always && <option value="review">Review</option>}
                </SelectField>
              );
            })}
          </div>
        </fieldset>
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
          {form.pending ? "Saving…" : "Save settings"}
        </Button>
      )}
    </form>
  );
}
