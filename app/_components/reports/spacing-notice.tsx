import { AREA_LABELS, formatMm, type Area } from "@/lib/domain/clinical";
import { formatClinicDay } from "@/lib/domain/dates";
import { PAUSE_WHY, spacingReasonLines } from "@/lib/domain/patient-plan-text";
import type { HomeCare } from "@/lib/data/home-care";

/**
 * What the portal already knows before anything is sent: a pause, and per area of the plan when the
 * next session is allowed and why (extra spacing after redness, an earlier longer needle). The same
 * home-care answer the plan page shows, so the form and the plan never disagree.
 */
export function SpacingNotice({ homeCare, area, forStaff }: { homeCare: HomeCare; area: string; forStaff: boolean }) {
  const your = forStaff ? "the patient's" : "your";
  if (homeCare.pause) {
    return (
      <div className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950">
        <p className="font-semibold">Home microneedling is paused for every area.</p>
        <p className="mt-1">
          {forStaff ? "" : `${PAUSE_WHY[homeCare.pause.reason]} `}No session is allowed until the clinic clears {forStaff ? "the patient" : "you"}; a session logged now is
          recorded as logged while paused.
        </p>
      </div>
    );
  }
  if (homeCare.areas.length === 0) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <p className="font-semibold">Before {forStaff ? "recording" : "you log"}: what {your} plan allows now</p>
      <ul className="mt-1 space-y-1">
        {homeCare.areas.map((a) => (
          <li key={a.area} className={a.area === area ? "font-medium" : undefined}>
            {AREA_LABELS[a.area as Area] ?? a.area} (up to {formatMm(a.maxNeedleMm)} mm): next session allowed{" "}
            {a.allowed ? "now" : a.nextAllowedAt ? `from ${formatClinicDay(a.nextAllowedAt, homeCare.timeZone, true)}` : "once the clinic clears it"}.
            {spacingReasonLines(a.nextAllowedReasons, homeCare.spacing.rednessExtraSpacingDays).map((line) => (
              <span key={line} className="block text-amber-950">
                {line}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
