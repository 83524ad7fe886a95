import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guards";
import { getClinicSettings } from "@/lib/data/clinic-settings";
import { orNotFound } from "@/lib/data/load-or-404";
import { getPatient } from "@/lib/data/patients";
import { formatDateTime } from "@/lib/format";
import { ScreeningForm } from "./screening-form";

export const metadata: Metadata = { title: "Screening" };

export default async function ScreeningPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(["clinician"]);
  const { id } = await params;
  const patient = orNotFound(() => getPatient(actor, id));
  const settings = getClinicSettings(actor);
  return (
    <div className="space-y-4">
      <Link href={`/patients/${patient.id}`} className="text-sm text-brand-700 hover:underline">
        ← {patient.name}
      </Link>
      <h1 className="text-2xl font-semibold">Contraindication screening: {patient.name}</h1>
      <p className="text-sm text-slate-700">
        {patient.screening
          ? `Saving records version ${patient.screening.version + 1}; version ${patient.screening.version} (${formatDateTime(patient.screening.recordedAt)}, ${patient.screening.recordedBy.name}) stays in the history.`
          : "No screening is recorded yet. Every item must be answered."}
      </p>
      <ScreeningForm
        patientId={patient.id}
        classes={settings.screeningClasses}
        lookbackMonths={settings.isotretinoinLookbackMonths}
        initial={patient.screening?.answers ?? null}
      />
    </div>
  );
}
