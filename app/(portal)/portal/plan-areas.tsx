import { ClinicTime } from "@/app/_components/clinic-time";
import { AREA_LABELS, formatMm, type Area } from "@/lib/domain/clinical";
import { spacingReasonLines } from "@/lib/domain/patient-plan-text";
import type { AreaReason, HomeCare } from "@/lib/data/home-care";

/**
 * The plan's limits per area and when each may next be treated. While paused every area says so:
 * never "now", whatever its spacing (home-care answers `allowed: false`, `nextAllowedAt: null`).
 */
export function PlanAreas({ homeCare }: { homeCare: HomeCare }) {
  const paused = homeCare.pause !== null;
  return (
    <ul className="space-y-2">
      {homeCare.areas.map((a) => (
        <li key={a.area} className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-lg font-semibold">
            {AREA_LABELS[a.area as Area] ?? a.area}: up to {formatMm(a.maxNeedleMm)} mm
          </p>
          <p className="text-sm text-slate-800">
            {paused || (!a.allowed && !a.nextAllowedAt) ? (
              <strong>Paused: no sessions until your clinic clears you.</strong>
            ) : (
              <>Next session allowed: {a.allowed ? <strong>now</strong> : <ClinicTime iso={a.nextAllowedAt!} dateOnly />}</>
            )}
          </p>
          {!paused && <SpacingReasons reasons={a.nextAllowedReasons} extraDays={homeCare.spacing.rednessExtraSpacingDays} />}
          {a.lastSessionAt && (
            <p className="text-xs text-slate-600">
              Last session: <ClinicTime iso={a.lastSessionAt} />
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Why the next session is later than the plan's own interval, so the patient is not left guessing. */
function SpacingReasons({ reasons, extraDays }: { reasons: AreaReason[]; extraDays: number }) {
  const lines = spacingReasonLines(reasons, extraDays);
  if (lines.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1 text-sm text-amber-950">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
