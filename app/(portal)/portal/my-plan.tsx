import type { ReactNode } from "react";
import { ClinicTime } from "@/app/_components/clinic-time";
import { AREA_LABELS, formatMm, type Area } from "@/lib/domain/clinical";
import { formatCalendarDate } from "@/lib/domain/dates";
import type { AreaReason, HomeCare } from "@/lib/data/home-care";

type Props = { homeCare: HomeCare };

const CONTACT = "Please contact your clinic before doing any more home sessions.";

/**
 * The patient's plan in plain words: what is allowed, until when, and what to do when it is not.
 * Rendered on the server (only the times are client leaves); the page refreshes it when the patient returns.
 */
export function MyPlan({ homeCare: data }: Props) {
  const { plan } = data;
  const clinicianName = data.patient.clinicianName;
  if (!plan) {
    return (
      <Status tone="neutral" title="No plan is recorded yet.">
        Please do not microneedle at home until your clinician, {clinicianName}, has approved a plan for you.
      </Status>
    );
  }
  if (plan.status === "denied" || plan.status === "suspended") {
    return (
      <Status tone="danger" title={plan.status === "denied" ? "Home microneedling is not approved for you." : "Your plan is suspended: stop home microneedling."}>
        {plan.reason && <p className="mt-2">Reason from your clinician: {plan.reason}</p>}
        <p className="mt-2 font-medium">Contact your clinic. {CONTACT}</p>
      </Status>
    );
  }
  if (plan.needsReview) {
    // A new blocking answer in the health screening since the approval: the plan stays on record but is paused.
    return (
      <Status tone="danger" title="Pause home microneedling">
        <p>
          You gave a new answer in your health screening that your clinician needs to review. Stop home microneedling until {clinicianName} has
          reviewed it and decided on your plan again.
        </p>
        <p className="mt-2 font-medium">Contact your clinic. {CONTACT}</p>
      </Status>
    );
  }
  if (plan.status === "expired") {
    return (
      <Status tone="warning" title={`Your plan expired on ${formatCalendarDate(plan.reviewBy!)}.`}>
        <p className="mt-2 font-medium">Contact your clinic for a review. {CONTACT}</p>
      </Status>
    );
  }
  return (
    <div className="space-y-4">
      <Status tone="success" title="Approved: you may microneedle at home within these limits.">
        Approved by {plan.decidedBy.name}. Review due by {formatCalendarDate(plan.reviewBy!)}.
      </Status>
      <ul className="space-y-2">
        {data.areas.map((a) => (
          <li key={a.area} className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-lg font-semibold">
              {AREA_LABELS[a.area as Area] ?? a.area}: up to {formatMm(a.maxNeedleMm)} mm
            </p>
            <p className="text-sm text-slate-800">
              Next session allowed: {a.nextAllowedAt ? <ClinicTime iso={a.nextAllowedAt} dateOnly /> : <strong>now</strong>}
            </p>
            <SpacingReasons reasons={a.nextAllowedReasons} extraDays={data.spacing.rednessExtraSpacingDays} />
            {a.lastSessionAt && (
              <p className="text-xs text-slate-600">
                Last session: <ClinicTime iso={a.lastSessionAt} />
              </p>
            )}
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-700">At least {plan.minIntervalDays} days between sessions in the same area.</p>
      {plan.instructions && (
        <section aria-labelledby="instructions-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 id="instructions-heading" className="font-semibold">
            Your clinician&rsquo;s instructions
          </h3>
          <p className="mt-2 whitespace-pre-line text-sm">{plan.instructions}</p>
        </section>
      )}
    </div>
  );
}

/** Why the next session is later than the plan's own interval, so the patient is not left guessing. */
function SpacingReasons({ reasons, extraDays }: { reasons: AreaReason[]; extraDays: number }) {
  const lines = [
    reasons.includes("longer_needle") && "Your last session used a longer needle than your plan allows, so the spacing for that needle length applies.",
    reasons.includes("prolonged_redness") &&
      `Redness lasted more than 2 days after your last session, so your clinic adds ${extraDays} extra ${extraDays === 1 ? "day" : "days"}.`,
  ].filter((line): line is string => Boolean(line));
  if (lines.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1 text-sm text-amber-950">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function Status({ tone, title, children }: { tone: "neutral" | "success" | "warning" | "danger"; title: string; children?: ReactNode }) {
  const tones = {
    neutral: "border-slate-300 bg-white",
    success: "border-green-300 bg-green-50 text-green-950",
    warning: "border-amber-300 bg-amber-50 text-amber-950",
    danger: "border-red-300 bg-red-50 text-red-950",
  };
  return (
    <div className={`rounded-lg border p-4 ${tones[tone]}`}>
      <p className="text-lg font-semibold">{title}</p>
      <div className="mt-1 text-sm">{children}</div>
    </div>
  );
}
