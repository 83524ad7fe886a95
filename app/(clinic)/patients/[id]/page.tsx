import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/app/_components/ui/card";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { getPatient } from "@/lib/data/patients";
import { NotFoundError } from "@/lib/errors";
import { ageOn, formatDate, skinTypeLabel } from "@/lib/format";
import { PlanStatusBadge } from "../plan-status-badge";

export const metadata: Metadata = { title: "Patient" };

type Props = { params: Promise<{ id: string }> };

function loadPatient(...args: Parameters<typeof getPatient>) {
  try {
    return getPatient(...args);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function PatientPage({ params }: Props) {
  const actor = await requirePageActor(STAFF_ROLES);
  const patient = loadPatient(actor, (await params).id);
  const darkerSkin = patient.skinType >= 4;

  return (
    <div className="space-y-4">
      <Link href="/patients" className="text-sm text-brand-700 hover:underline">
        ← All patients
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{patient.name}</h1>
        <PlanStatusBadge status={patient.planStatus} />
      </div>
      <Card aria-labelledby="demographics-heading">
        <h2 id="demographics-heading" className="text-lg font-semibold">
          Demographics
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
          <Item term="MRN" value={<span className="font-mono">{patient.mrn}</span>} />
          <Item term="Date of birth" value={`${formatDate(patient.dateOfBirth)} (age ${ageOn(patient.dateOfBirth)})`} />
          <Item term="Fitzpatrick skin type" value={skinTypeLabel(patient.skinType)} />
          <Item term="Responsible clinician" value={patient.responsibleClinician.name} />
          <Item term="Portal account" value={patient.hasPortalAccount ? "Active" : "Not invited"} />
        </dl>
        {darkerSkin && (
          <p className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Caution: Fitzpatrick IV–VI skin carries a higher risk of post-inflammatory hyperpigmentation.
          </p>
        )}
      </Card>
      <Card aria-labelledby="plan-heading">
        <h2 id="plan-heading" className="text-lg font-semibold">
          Home-care plan
        </h2>
        <p className="mt-2 text-sm text-slate-700">No plan decision has been recorded for this patient yet.</p>
      </Card>
    </div>
  );
}

function Item({ term, value }: { term: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="font-medium">{value}</dd>
    </div>
  );
}
