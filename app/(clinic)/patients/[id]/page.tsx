import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { DEFAULT_CHART_RANGE } from "@/lib/charts/ranges";
import { hasPihRisk } from "@/lib/domain/clinical";
import { getPatientCharts } from "@/lib/data/charts";
import { orNotFound } from "@/lib/data/load-or-404";
import { getPatient } from "@/lib/data/patients";
import { listPlanVersions } from "@/lib/data/plans";
import { clinicTimeZone, clinicToday } from "@/lib/data/clock";
import { listHealthChanges } from "@/lib/data/health-changes";
import { listHolds } from "@/lib/data/holds";
import { ageOn, formatCalendarDate } from "@/lib/domain/dates";
import { skinTypeLabel } from "@/lib/format";
import { NeedsReviewBadge, PausedBadge, PlanStatusBadge } from "../plan-status-badge";
import { CourseOfTreatment } from "./charts/course-of-treatment";
import { HealthChangesPanel } from "./health-changes-panel";
import { HomeReports } from "./home-reports";
import { InvitePanel } from "./invite-panel";
import { NeedsReviewNotice } from "./needs-review-notice";
import { PlanHistory } from "./plan-history";
import { PlanSummary } from "./plan-summary";
import { RecordExport } from "./record-export";
import { ScreeningPanel } from "./screening-panel";

export const metadata: Metadata = { title: "Patient" };

const PORTAL_LABELS = { none: "Not invited", invited: "Invited, link not used yet", active: "Active" } as const;

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(STAFF_ROLES);
  const { id } = await params;
  const patient = orNotFound(() => getPatient(actor, id));
  const { items: versions, total: versionCount } = listPlanVersions(actor, patient.id);
  // The default range arrives with the page; other ranges are fetched when chosen.
  const charts = getPatientCharts(actor, patient.id, DEFAULT_CHART_RANGE);
  // A suspended or denied version sets no interval: adherence is judged by the last one that did.
  const latestInterval = versions.find((v) => v.minIntervalDays !== null)?.minIntervalDays ?? null;
  const isClinician = actor.role === "clinician";
  const timeZone = clinicTimeZone();
  const holds = patient.needsReview ? listHolds(actor, patient.id, 20) : [];

  return (
    <div className="space-y-4">
      <Link href="/patients" className="text-sm text-brand-700 hover:underline">
        ← All patients
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{patient.name}</h1>
          <PlanStatusBadge status={patient.planStatus} />
          {patient.paused && <PausedBadge />}
          {patient.needsReview && !patient.paused && <NeedsReviewBadge />}
        </div>
        <div className="flex gap-2">
          <ButtonLink href={`/patients/${patient.id}/edit`}>Edit details</ButtonLink>
          {isClinician && (
            <ButtonLink href={`/patients/${patient.id}/plan`} variant="primary">
              Decide plan
            </ButtonLink>
          )}
        </div>
      </div>
      <NeedsReviewNotice patient={patient} holds={holds} timeZone={timeZone} isClinician={isClinician} />

      <CourseOfTreatment patientId={patient.id} initialData={charts} minIntervalDays={latestInterval} />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="demographics-heading">
          <h2 id="demographics-heading" className="text-lg font-semibold">
            Demographics
          </h2>
          <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
            <Item term="MRN" value={<span className="font-mono">{patient.mrn}</span>} />
            <Item term="Date of birth" value={`${formatCalendarDate(patient.dateOfBirth)} (age ${ageOn(patient.dateOfBirth, clinicToday())})`} />
            <Item term="Fitzpatrick skin type" value={skinTypeLabel(patient.skinType)} />
            <Item term="Responsible clinician" value={patient.responsibleClinician.name} />
            <Item term="Portal account" value={PORTAL_LABELS[patient.portalAccount]} />
            <Item term="Phone" value={patient.phone ?? "None on record"} />
          </dl>
        </Card>
        <ScreeningPanel patientId={patient.id} screening={patient.screening} pihRisk={hasPihRisk(patient.skinType)} canEdit={isClinician} />
      </div>

      <HealthChangesPanel patientId={patient.id} changes={listHealthChanges(actor, patient.id, 10)} timeZone={timeZone} clinicPhone={null} />

      <Card aria-labelledby="plan-heading">
        <h2 id="plan-heading" className="text-lg font-semibold">
          Home-care plan
        </h2>
        {patient.currentPlan ? (
          <div className="mt-2 space-y-2">
            <p className="text-sm text-slate-700">
              Version {patient.currentPlan.version} by {patient.currentPlan.decidedBy.name}
            </p>
            <PlanSummary plan={patient.currentPlan} />
            {patient.currentPlan.instructions && (
              <p className="whitespace-pre-line rounded-md bg-slate-50 p-3 text-sm">{patient.currentPlan.instructions}</p>
            )}
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-700">No plan decision has been recorded for this patient yet.</p>
        )}
      </Card>

      <HomeReports actor={actor} patientId={patient.id} patientName={patient.name} />

      <Card aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold">
          Plan history
        </h2>
        <PlanHistory versions={versions} />
        {versionCount > versions.length && <p className="mt-2 text-sm text-slate-700">The newest {versions.length} of {versionCount} decisions are shown.</p>}
      </Card>

      <RecordExport patientId={patient.id} />

      {patient.portalAccount !== "active" && (
        <Card aria-labelledby="portal-heading">
          <h2 id="portal-heading" className="mb-3 text-lg font-semibold">
            Portal invitation
          </h2>
          <InvitePanel patientId={patient.id} invited={patient.portalAccount === "invited"} />
        </Card>
      )}
    </div>
  );
}

function Item({ term, value }: { term: string; value: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
