import type { Metadata } from "next";
import { STAFF_ROLES } from "@/lib/auth/types";
import { listClinicStaff } from "@/lib/data/staff";
import { PatientForm } from "../../patient-form";
import { BackToPatient, loadPatientPage } from "../patient-subpage";

export const metadata: Metadata = { title: "Edit patient" };

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, patient } = await loadPatientPage(params, STAFF_ROLES);
  const clinicians = listClinicStaff(actor, { role: "clinician" }).filter((c) => c.active || c.id === patient.responsibleClinician.id);
  return (
    <div className="space-y-4">
      <BackToPatient patient={patient} />
      <h1 className="text-2xl font-semibold">Edit {patient.name}</h1>
      <PatientForm
        clinicians={clinicians}
        initial={{
          id: patient.id,
          name: patient.name,
          dateOfBirth: patient.dateOfBirth,
          mrn: patient.mrn,
          skinType: patient.skinType,
          responsibleClinicianId: patient.responsibleClinician.id,
          phone: patient.phone,
        }}
      />
    </div>
  );
}
