import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { orNotFound } from "@/lib/data/load-or-404";
import { getPatient } from "@/lib/data/patients";
import { listClinicStaff } from "@/lib/data/staff";
import { PatientForm } from "../../patient-form";

export const metadata: Metadata = { title: "Edit patient" };

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(STAFF_ROLES);
  const { id } = await params;
  const patient = orNotFound(() => getPatient(actor, id));
  const clinicians = listClinicStaff(actor, { role: "clinician" }).filter((c) => c.active || c.id === patient.responsibleClinician.id);
  return (
    <div className="space-y-4">
      <Link href={`/patients/${patient.id}`} className="text-sm text-brand-700 hover:underline">
        ← {patient.name}
      </Link>
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
        }}
      />
    </div>
  );
}
