import { AREA_LABELS, formatMm, type Area } from "@/lib/domain/clinical";
import { formatDate } from "@/lib/format";
import type { PlanVersionDto } from "@/lib/data/plans";

/** The essentials of one plan version, in the words a clinician uses. */
export function PlanSummary({ plan }: { plan: PlanVersionDto }) {
  if (plan.decision !== "approved") {
    return (
      <p className="text-sm">
        <span className="font-medium">{plan.decision === "denied" ? "Denied" : "Suspended"}</span>
        {plan.reason && `: ${plan.reason}`}
      </p>
    );
  }
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
      {plan.areas.map((a) => (
        <div key={a.area} className="flex gap-2">
          <dt className="text-slate-600">{AREA_LABELS[a.area as Area] ?? a.area}</dt>
          <dd className="font-medium">up to {formatMm(a.maxNeedleMm)} mm</dd>
        </div>
      ))}
      <div className="flex gap-2">
        <dt className="text-slate-600">Minimum interval</dt>
        <dd className="font-medium">{plan.minIntervalDays} days</dd>
      </div>
      {plan.reviewBy && (
        <div className="flex gap-2">
          <dt className="text-slate-600">Review by</dt>
          <dd className="font-medium">{formatDate(plan.reviewBy)}</dd>
        </div>
      )}
    </dl>
  );
}
