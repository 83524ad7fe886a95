import { Messages, useDescribed } from "@/app/_components/ui/field";
import { CheckboxField } from "@/app/_components/ui/form-controls";
import { AREA_LABELS, CONFIRM_ABOVE_MM, formatMm, typicalMaxMm, type Area } from "@/lib/domain/clinical";
import { longestNeedleMm, type PlanAreaLimit } from "@/lib/domain/plan-rules";

type Props = { areas: PlanAreaLimit[]; checked: boolean; onChange: (checked: boolean) => void; error?: string };

/** Lengths above what vendor depth charts call typical for an area (DOMAIN.md): guidance, shown per area. */
function aboveTypical(areas: PlanAreaLimit[]): string[] {
  return areas.flatMap((a) => {
    const typical = typicalMaxMm(a.area);
    if (typical === null || a.maxNeedleMm <= typical + 1e-9) return [];
    const label = AREA_LABELS[a.area as Area] ?? a.area;
    return [`${label}: ${formatMm(a.maxNeedleMm)} mm is above the typical ${formatMm(typical)} mm for this area.`];
  });
}

/**
 * Shown when `needsLongNeedleConfirmation(areas)`: the clinician confirms the long needle explicitly,
 * and the confirmation is stored with the version.
 */
export function LongNeedleConfirmation({ areas, checked, onChange, error }: Props) {
  const longest = longestNeedleMm(areas) ?? 0;
  const warnings = aboveTypical(areas);
  const { controlId, describedBy } = useDescribed(undefined, undefined, error);
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      {warnings.length > 0 && (
        <ul className="list-disc space-y-1 pl-5">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <CheckboxField
        label={`I confirm home use up to ${formatMm(longest)} mm for this patient${longest > CONFIRM_ABOVE_MM ? `, above the usual ${formatMm(CONFIRM_ABOVE_MM)} mm` : ""}.`}
        id={controlId}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <Messages id={controlId} error={error} />
    </div>
  );
}
