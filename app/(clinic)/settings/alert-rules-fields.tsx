import { Field } from "@/app/_components/ui/field";
import { CheckboxField, SelectField } from "@/app/_components/ui/form-controls";
import type { AlertRules } from "@/lib/domain/alert-rules";
import { GRADES, SYMPTOMS } from "@/lib/domain/reactions";

const gradeOptions = GRADES.filter((g) => g.grade > 0).map((g) => (
  <option key={g.grade} value={g.grade}>
    {g.grade}: {g.label}
  </option>
));

/** The clinic's reaction alert rules (DOMAIN.md defaults); any flagged session always raises a normal alert. */
export function AlertRulesFields({ rules }: { rules: AlertRules }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-lg font-semibold">Reaction alert rules (raise a high alert)</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Any symptom at or above grade" name="severeGrade" defaultValue={rules.severeGrade}>
          {gradeOptions}
        </SelectField>
        <SelectField label="Signs of infection at or above grade" name="infectionGrade" defaultValue={rules.infectionGrade}>
          {gradeOptions}
        </SelectField>
        <Field label="Lasting reaction: hours after the session" name="persistentHours" type="number" min={24} max={336} defaultValue={rules.persistentHours} />
        <SelectField label="Lasting reaction: at or above grade" name="persistentGrade" defaultValue={rules.persistentGrade}>
          {gradeOptions}
        </SelectField>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Symptoms that count as a lasting reaction</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {SYMPTOMS.map((s) => (
            <CheckboxField key={s.code} name="persistentSymptoms" value={s.code} defaultChecked={rules.persistentSymptoms.includes(s.code)} label={s.label} />
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
}
