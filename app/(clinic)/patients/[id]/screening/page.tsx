import type { Metadata } from "next";
import { getClinicSettings } from "@/lib/data/clinic-settings";
import { ClinicTime } from "@/app/_components/clinic-time";
import { ScreeningForm } from "./screening-form";
import { BackToPatient, loadPatientPage } from "../patient-subpage";

export const metadata: Metadata = { title: "Screening" };

export default async function ScreeningPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, patient } = await loadPatientPage(params, ["clinician"]);
  const settings = getClinicSettings(actor);
  return (
    <div className="space-y-4">
      <BackToPatient patient={patient} />
      <h1 className="text-2xl font-semibold">Contraindication screening: {patient.name}</h1>
      <p className="text-sm text-slate-700">
        {patient.screening ? (
          <>
            Saving records version {patient.screening.version + 1}; version {patient.screening.version} (<ClinicTime iso={patient.screening.recordedAt} />,{" "}
            {patient.screening.recordedBy.name}) stays in the history.
          </>
        ) : (
          "No screening is recorded yet. Every item must be answered."
        )}
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
