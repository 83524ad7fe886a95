import type { PlanDecision } from "@/lib/domain/clinical";

const DECISIONS: { value: PlanDecision; label: string }[] = [
  { value: "approved", label: "Approve home microneedling" },
  { value: "denied", label: "Deny" },
  { value: "suspended", label: "Suspend" },
];

/** The decision decides which fields follow: limits for an approval, a reason the patient reads otherwise. */
export function DecisionChoice({ value, onChange }: { value: PlanDecision; onChange: (decision: PlanDecision) => void }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Decision</legend>
      {DECISIONS.map((d) => (
        <label key={d.value} className="flex items-center gap-2 text-sm">
          <input type="radio" name="decision" value={d.value} checked={value === d.value} onChange={() => onChange(d.value)} className="size-4 accent-brand-700" />
          {d.label}
        </label>
      ))}
    </fieldset>
  );
}
