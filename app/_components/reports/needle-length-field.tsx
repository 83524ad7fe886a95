import { CheckboxField, SelectField } from "@/app/_components/ui/form-controls";
import { formatMm, HOME_MAX_NEEDLE_MM } from "@/lib/domain/clinical";
import { needleChoices } from "./needle-choices";

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** The plan's limit for the chosen area (planLimitMm). */
  limitMm: number;
  longer: boolean;
  onLongerChange: (longer: boolean) => void;
  error?: string;
  /** Staff recording for the patient: the declaration speaks of the patient. */
  forStaff: boolean;
};

const options = (lengths: readonly number[]) =>
  lengths.map((mm) => (
    <option key={mm} value={mm}>
      {formatMm(mm)} mm
    </option>
  ));

/**
 * The needle length used. Lengths above the plan's limit are a report of what happened, never a choice
 * on offer: they appear only once the person ticks that a longer needle was used, with the warning.
 */
export function NeedleLengthField({ value, onChange, limitMm, longer, onLongerChange, error, forStaff }: Props) {
  const { within, aboveLimit, clinic } = needleChoices(limitMm, longer);
  return (
    <div className="space-y-2">
      <SelectField id="session-needle" label="Needle length" value={value} onChange={(e) => onChange(e.target.value)} error={error}>
        <option value="">Choose the length…</option>
        <optgroup label={`Within ${forStaff ? "the" : "your"} plan (up to ${formatMm(limitMm)} mm)`}>{options(within)}</optgroup>
        {aboveLimit.length > 0 && <optgroup label={`Longer than ${forStaff ? "the" : "your"} plan allows`}>{options(aboveLimit)}</optgroup>}
        {clinic.length > 0 && <optgroup label="Clinic lengths: never for home use">{options(clinic)}</optgroup>}
      </SelectField>
      <CheckboxField
        label={forStaff ? "The patient used a longer needle than the plan allows" : "I used a longer needle than my plan allows"}
        checked={longer}
        onChange={(e) => onLongerChange(e.target.checked)}
      />
      {longer && (
        <p role="note" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
          A longer needle goes deeper than {forStaff ? "the patient's" : "your"} plan allows and can injure the skin, cause infection or leave scars;
          home needles never go above {formatMm(HOME_MAX_NEEDLE_MM)} mm. {forStaff ? "Record" : "Log"} the length actually used: the session is recorded as
          outside the plan{forStaff ? "" : ", and your clinic will see it the next time they open your record"}.
        </p>
      )}
    </div>
  );
}
