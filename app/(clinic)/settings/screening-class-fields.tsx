"use client";

import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextareaField } from "@/app/_components/ui/form-controls";
import { SCREENING_ITEMS, screeningItemLabel, type ScreeningItemCode } from "@/lib/domain/clinical";
import { ALWAYS_BLOCK_ITEMS, TWO_STEP_BLOCK_ITEMS, type ClinicSettings } from "@/lib/domain/clinic-settings";
import { PROPOSAL_TTL_HOURS } from "@/lib/domain/settings-proposals";
import { JUSTIFICATION_RULE } from "@/lib/domain/text";
import { errorFor, type FieldErrors } from "./field-errors";

type Props = { settings: ClinicSettings; errors: FieldErrors; loosening: ScreeningItemCode[] };

/**
 * Block or review per screening item. Pregnancy, active infection and isotretinoin always block; the
 * other DOMAIN block classes may become review only through a proposal with a reason, which this
 * says as soon as one is chosen, before anything is sent.
 */
export function ScreeningClassFields({ settings, errors, loosening }: Props) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-lg font-semibold">Screening items</legend>
      <p className="text-sm text-slate-700">“Block” refuses approval without a recorded override; “Review” warns and asks the clinician to acknowledge.</p>
      <div className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {SCREENING_ITEMS.map((item) => {
          const always = ALWAYS_BLOCK_ITEMS.includes(item.code);
          const twoStep = TWO_STEP_BLOCK_ITEMS.includes(item.code) && settings.screeningClasses[item.code] === "block";
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
              {!always && <option value="review">{twoStep ? "Review (needs a second clinician or an admin to confirm)" : "Review"}</option>}
            </SelectField>
          );
        })}
      </div>
      {loosening.length > 0 && (
        <div className="space-y-2">
          <Alert tone="warning">
            {loosening.map(screeningItemLabel).join("; ")}: turning a blocking item into a review item is a proposal. It keeps blocking until a second
            clinician or an admin of your clinic confirms it within {PROPOSAL_TTL_HOURS} hours.
          </Alert>
          <TextareaField
            id="settings-reason"
            name="reason"
            label="Reason for the change"
            hint={`Shown to whoever confirms it and kept in the settings history: ${JUSTIFICATION_RULE}.`}
            rows={3}
            error={errorFor(errors, "reason")}
          />
        </div>
      )}
    </fieldset>
  );
}
