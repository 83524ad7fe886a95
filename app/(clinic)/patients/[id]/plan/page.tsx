import type { Metadata } from "next";
import { hasPihRisk } from "@/lib/domain/clinical";
import { getClinicSettings } from "@/lib/data/clinic-settings";
import { clinicTimeZone, clinicToday } from "@/lib/data/clock";
import { listHolds } from "@/lib/data/holds";
import { listPlanTemplates } from "@/lib/data/templates";
import { NeedsReviewBadge, PausedBadge, PlanStatusBadge } from "../../plan-status-badge";
import { NeedsReviewNotice } from "../needs-review-notice";
import { PlanSummary } from "../plan-summary";
import { ScreeningPanel } from "../screening-panel";
import { PlanEditor } from "./plan-editor";
import { BackToPatient, loadPatientPage } from "../patient-subpage";

export const metadata: Metadata = { title: "Plan decision" };

export default async function PlanEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, patient } = await loadPatientPage(params, ["clinician"]);
  const settings = getClinicSettings(actor);
  // Only what the rules judge: the editor names this version in the decision it sends.
  const screening = patient.screening && { version: patient.screening.version, recordedAt: patient.screening.recordedAt, evaluation: patient.screening.evaluation };
  return (
    <div className="space-y-4">
      <BackToPatient patient={patient} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Home-care plan: {patient.name}</h1>
        <PlanStatusBadge status={patient.planStatus} />
        {patient.paused && <PausedBadge />}
        {patient.needsReview && !patient.paused && <NeedsReviewBadge />}
      </div>
      {/* Open pauses and review items sit above the decision, so nothing reported today is missed. */}
      <NeedsReviewNotice patient={patient} holds={patient.needsReview ? listHolds(actor, patient.id, 20) : []} timeZone={clinicTimeZone()} isClinician />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="space-y-4">
          <ScreeningPanel patientId={patient.id} screening={patient.screening} pihRisk={hasPihRisk(patient.skinType)} canEdit />
          <section aria-labelledby="current-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="current-heading" className="text-lg font-semibold">
              {patient.currentPlan ? `Current: version ${patient.currentPlan.version}` : "No decision yet"}
            </h2>
            {patient.currentPlan && (
              <div className="mt-2">
                <PlanSummary plan={patient.currentPlan} />
              </div>
            )}
          </section>
        </div>
        <section aria-labelledby="decision-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="decision-heading" className="mb-4 text-lg font-semibold">
            New decision
          </h2>
          <PlanEditor
            patientId={patient.id}
            current={patient.currentPlan}
            screening={screening}
            intervalFloors={settings.intervalFloors}
            screeningValidityDays={settings.screeningValidityDays}
            previousApprovalAt={patient.lastApprovedAt}
            templates={listPlanTemplates(actor)}
            today={clinicToday()}
          />
        </section>
      </div>
    </div>
  );
}
