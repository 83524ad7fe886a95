import { GroupField } from "@/app/(clinic)/_components/group-field";
import { CheckboxField, TextareaField } from "@/app/_components/ui/form-controls";
import type { ScreeningFinding } from "@/lib/domain/screening";

type ChecklistProps = {
  legend: string;
  findings: ScreeningFinding[];
  checked: string[];
  onChange: (next: string[]) => void;
  error?: string;
};

/**
 * One checkbox per screening finding, so the decision names exactly the items the clinician weighed:
 * an item added to the screening later is never covered by a tick given for another.
 */
function FindingChecklist({ legend, findings, checked, onChange, error }: ChecklistProps) {
  const toggle = (item: string, on: boolean) => onChange(on ? [...checked, item] : checked.filter((c) => c !== item));
  return (
    <GroupField legend={legend} error={error} className="space-y-1">
      {findings.map((f) => (
        <CheckboxField key={f.item} label={f.label} checked={checked.includes(f.item)} onChange={(e) => toggle(f.item, e.target.checked)} />
      ))}
    </GroupField>
  );
}

type OverrideProps = {
  blocks: ScreeningFinding[];
  justification: string;
  onJustification: (value: string) => void;
  covered: string[];
  onCovered: (next: string[]) => void;
  errors: Record<string, string>;
};

/** A blocking answer is overridden only with a written justification that names what it covers. */
export function ContraindicationOverride({ blocks, justification, onJustification, covered, onCovered, errors }: OverrideProps) {
  return (
    <div className="space-y-3 rounded-md border border-red-300 bg-red-50 p-3">
      <TextareaField
        label="Contraindication override justification"
        value={justification}
        onChange={(e) => onJustification(e.target.value)}
        error={errors.contraindicationOverride}
        hint="The screening has a blocking answer; approving needs your recorded justification."
        rows={3}
      />
      <FindingChecklist legend="This override covers:" findings={blocks} checked={covered} onChange={onCovered} error={errors.overriddenItems} />
    </div>
  );
}

type ReviewProps = { reviews: ScreeningFinding[]; acknowledged: string[]; onChange: (next: string[]) => void; error?: string };

/** Each screening caution is acknowledged on its own, as the server requires. */
export function ReviewAcknowledgements({ reviews, acknowledged, onChange, error }: ReviewProps) {
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
      <FindingChecklist legend="I have weighed each screening caution:" findings={reviews} checked={acknowledged} onChange={onChange} error={error} />
    </div>
  );
}
