import { GroupField } from "@/app/(clinic)/_components/group-field";
import { Field } from "@/app/_components/ui/field";
import { CheckboxField, SelectField } from "@/app/_components/ui/form-controls";
import { DEFAULT_ALERT_RULES, type AlertRules } from "@/lib/domain/alert-rules";
import { GRADES, SYMPTOMS } from "@/lib/domain/reactions";
import { errorFor, type FieldErrors } from "./field-errors";

/** Grades from 1 up to `max`: a rule may alert on a milder grade than the default, never a stronger one. */
const gradeOptions = (max: number) =>
  GRADES.filter((g) => g.grade > 0 && g.grade <= max).map((g) => (
    <option key={g.grade} value={g.grade}>
      {g.grade}: {g.label}
    </option>
  ));

/** The clinic's reaction alert rules (DOMAIN.md defaults, tighten-only); any flagged session always raises an alert. */
export function AlertRulesFields({ rules, errors }: { rules: AlertRules; errors: FieldErrors }) {
  const defaults = DEFAULT_ALERT_RULES;
  return (
    <fieldset className="space-y-3">
      <legend className="text-lg font-semibold">Reaction alert rules (raise a high alert)</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Any symptom at or above grade" name="severeGrade" defaultValue={rules.severeGrade} hint="Grade 3 always alerts." error={errorFor(errors, "alertRules.severeGrade")}>
          {gradeOptions(defaults.severeGrade)}
        </SelectField>
        <SelectField
          label="Signs of infection at or above grade"
          name="infectionGrade"
          defaultValue={rules.infectionGrade}
          hint="Any sign of infection always alerts."
          error={errorFor(errors, "alertRules.infectionGrade")}
        >
          {gradeOptions(defaults.infectionGrade)}
        </SelectField>
        <Field
          label="Lasting reaction: hours after the session"
          name="persistentHours"
          type="number"
          min={24}
          max={defaults.persistentHours}
          defaultValue={rules.persistentHours}
          hint={`At most ${defaults.persistentHours} hours.`}
          error={errorFor(errors, "alertRules.persistentHours")}
        />
        <SelectField
          label="Lasting reaction: at or above grade"
          name="persistentGrade"
          defaultValue={rules.persistentGrade}
          hint={`Grade ${defaults.persistentGrade} always counts.`}
          error={errorFor(errors, "alertRules.persistentGrade")}
        >
          {gradeOptions(defaults.persistentGrade)}
        </SelectField>
      </div>
      <GroupField legend="Symptoms that count as a lasting reaction" legendClassName="text-sm font-medium" error={errorFor(errors, "alertRules.persistentSymptoms")} className="space-y-1">
        <p className="text-sm text-slate-600">Redness and swelling always count.</p>
        <div className="grid gap-1 sm:grid-cols-2">
          {SYMPTOMS.map((s) => {
            const always = defaults.persistentSymptoms.includes(s.code);
            // A disabled box is not submitted; the form adds the always-counted symptoms itself.
            return <CheckboxField key={s.code} name="persistentSymptoms" value={s.code} defaultChecked={always || rules.persistentSymptoms.includes(s.code)} disabled={always} label={s.label} />;
          })}
        </div>
      </GroupField>
    </fieldset>
  );
}
