import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { listClinicStaff } from "@/lib/data/staff";
import { PatientForm } from "../patient-form";

export const metadata: Metadata = { title: "New patient" };

export default async function NewPatientPage() {
  const actor = await requirePageActor(STAFF_ROLES);
  const clinicians = listClinicStaff(actor, { role: "clinician" }).filter((c) => c.active);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New patient</h1>
      <PatientForm clinicians={clinicians} />
    </div>
  );
}
