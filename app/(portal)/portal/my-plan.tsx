import { StandingGuidance } from "@/app/_components/standing-guidance";
import { formatCalendarDate } from "@/lib/domain/dates";
import { callClinic, pauseWhatToDo, PAUSE_WHY, planValidity, recentClearing } from "@/lib/domain/patient-plan-text";
import type { HomeCare } from "@/lib/data/home-care";
import { PlanAreas } from "./plan-areas";
import { PlanStatus } from "./plan-status";

type Props = { homeCare: HomeCare };

const CONTACT = "Please contact your clinic before doing any more home sessions.";

/**
 * The patient's plan in plain words: what is allowed, until when, and what to do when it is not.
 * Rendered on the server (only the times are client leaves); the page refreshes it when the patient returns.
 * The red stop banner of a pause is the portal layout's, on every page; here the plan says what it means.
 */
export function MyPlan({ homeCare: data }: Props) {
  const { plan } = data;
  const clinicianName = data.patient.clinicianName;
  if (!plan) {
    return (
      <PlanStatus tone="neutral" title="No plan is recorded yet.">
        Please do not microneedle at home until your clinician, {clinicianName}, has approved a plan for you.
      </PlanStatus>
    );
  }
  if (plan.status === "denied" || plan.status === "suspended") {
    return (
      <PlanStatus tone="danger" title={plan.status === "denied" ? "Home microneedling is not approved for you." : "Your plan is suspended: stop home microneedling."}>
        {plan.reason && <p className="mt-2">Reason from your clinician: {plan.reason}</p>}
        <p className="mt-2 font-medium">Contact your clinic. {CONTACT}</p>
      </PlanStatus>
    );
  }
  const validity = planValidity(plan);
  if (plan.status === "expired") {
    return (
      <PlanStatus tone="warning" title={`Your plan ${validity?.text ?? "has ended"}.`}>
        <p className="mt-2 font-medium">Contact your clinic for a review. {CONTACT}</p>
      </PlanStatus>
    );
  }
  const cleared = data.pause ? null : recentClearing(data.lastClearedAt, new Date(data.generatedAt), data.timeZone);
  return (
    <div className="space-y-4">
      {data.pause ? (
        <PlanStatus tone="danger" title="Your plan is paused: do not microneedle.">
          <p>{PAUSE_WHY[data.pause.reason]}</p>
          <p className="mt-2 font-medium">{pauseWhatToDo(data.clinicPhone, clinicianName)}</p>
        </PlanStatus>
      ) : (
        <PlanStatus tone="success" title="Approved: you may microneedle at home within these limits.">
          Approved by {plan.decidedBy.name}.{validity && ` Your plan is ${validity.text}.`}
        </PlanStatus>
      )}
      {cleared && (
        <p role="status" className="rounded-lg border border-green-300 bg-green-50 p-3 text-sm text-green-950">
          Your clinic has cleared you to continue on {formatCalendarDate(cleared)}.
        </p>
      )}
      {/* Review items do not pause: the plan stays in force while the clinician looks at a new answer. */}
      {plan.needsReview && !data.pause && (
        <p className="text-sm text-slate-700">
          Your clinic is reviewing a recent health answer; your plan stays as below unless they change it. If anything worries you, {callClinic(data.clinicPhone)}.
        </p>
      )}
      <PlanAreas homeCare={data} />
      <p className="text-sm text-slate-700">At least {plan.minIntervalDays} days between sessions in the same area.</p>
      <StandingGuidance />
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
