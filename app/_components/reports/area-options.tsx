import { AREA_LABELS, AREAS, type Area } from "@/lib/domain/clinical";

/** A select's areas, the plan's own first: the session and reaction forms ask "where" the same way. */
export function AreaOptions({ planAreas, otherLabel }: { planAreas: readonly string[]; otherLabel: string }) {
  const inPlan = AREAS.filter((a) => planAreas.includes(a));
  const others = AREAS.filter((a) => !planAreas.includes(a));
  const option = (a: Area) => (
    <option key={a} value={a}>
      {AREA_LABELS[a]}
    </option>
  );
  return (
    <>
      <option value="">Choose the area…</option>
      {inPlan.length > 0 && <optgroup label="In your plan">{inPlan.map(option)}</optgroup>}
      <optgroup label={inPlan.length ? otherLabel : "Areas"}>{others.map(option)}</optgroup>
    </>
  );
}
