import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guards";
import type { Role } from "@/lib/auth/types";
import { orNotFound } from "@/lib/data/load-or-404";
import { getPatient } from "@/lib/data/patients";

/** The signed-in staff member and the patient of a `/patients/[id]/…` page; 404 outside their clinic. */
export async function loadPatientPage(params: Promise<{ id: string }>, roles: readonly Role[]) {
  const actor = await requirePageActor(roles);
  const { id } = await params;
  return { actor, patient: orNotFound(() => getPatient(actor, id)) };
}

export function BackToPatient({ patient }: { patient: { id: string; name: string } }) {
  return (
    <Link href={`/patients/${patient.id}`} className="text-sm text-brand-700 hover:underline">
      ← {patient.name}
    </Link>
  );
}
