import { GroupField } from "@/app/(clinic)/_components/group-field";
import { Field } from "@/app/_components/ui/field";
import { formatMm } from "@/lib/domain/clinical";
import { DEFAULT_INTERVAL_FLOORS, DEFAULT_REDNESS_EXTRA_SPACING_DAYS, DEFAULT_SCREENING_VALIDITY_DAYS, intervalFloorFor, type ClinicSettings } from "@/lib/domain/clinic-settings";
import { errorFor, type FieldErrors } from "./field-errors";

/** A clinic may tighten DOMAIN.md's floors, never go below them: the inputs start at the floor. */
export function SpacingFields({ settings, errors }: { settings: ClinicSettings; errors: FieldErrors }) {
  return (
    <>
      <GroupField legend="Minimum days between sessions in one area" legendClassName="text-lg font-semibold" error={errors.intervalFloors} className="space-y-2">
        <p className="text-sm text-slate-700">Clinics may lengthen these, never shorten them below the defaults in the clinical reference.</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {settings.intervalFloors.map((floor, index) => {
            const minimum = intervalFloorFor(floor.upToMm, DEFAULT_INTERVAL_FLOORS);
            return (
              <Field
                key={floor.upToMm}
                label={`Longest length up to ${formatMm(floor.upToMm)} mm`}
                name={`floor.${index}`}
                type="number"
                min={minimum}
                max={365}
                defaultValue={floor.minDays}
                hint={`At least ${minimum} days.`}
                error={errorFor(errors, `intervalFloors.${index}`)}
              />
            );
          })}
        </div>
      </GroupField>
      <fieldset className="space-y-2">
        <legend className="text-lg font-semibold">Spacing and screening</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label="Extra days after redness lasting over 48 hours"
            name="rednessExtraSpacingDays"
            type="number"
            min={DEFAULT_REDNESS_EXTRA_SPACING_DAYS}
            max={60}
            defaultValue={settings.rednessExtraSpacingDays}
            hint={`Added before the next session in that area. At least ${DEFAULT_REDNESS_EXTRA_SPACING_DAYS} days.`}
            error={errorFor(errors, "rednessExtraSpacingDays")}
          />
          <Field
            label="A screening stays valid for approvals (days)"
            name="screeningValidityDays"
            type="number"
            min={7}
            max={DEFAULT_SCREENING_VALIDITY_DAYS}
            defaultValue={settings.screeningValidityDays}
            hint={`Unless one was recorded since the previous approval. From 7 to ${DEFAULT_SCREENING_VALIDITY_DAYS} days.`}
            error={errorFor(errors, "screeningValidityDays")}
          />
        </div>
      </fieldset>
    </>
  );
}
