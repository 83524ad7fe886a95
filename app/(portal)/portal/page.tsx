import type { Metadata } from "next";
import { Card } from "@/app/_components/ui/card";
import { requirePageActor } from "@/lib/auth/page-guards";
import { getPatient } from "@/lib/data/patients";

export const metadata: Metadata = { title: "My plan" };

export default async function PortalPage() {
  const actor = await requirePageActor(["patient"]);
  const patient = actor.patientId ? getPatient(actor, actor.patientId) : null;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Hello, {patient?.name ?? actor.name}</h1>
      <Card aria-labelledby="my-plan-heading">
        <h2 id="my-plan-heading" className="text-lg font-semibold">
          My plan
        </h2>
        <p className="mt-2">No plan is recorded yet.</p>
        <p className="mt-1 text-sm text-slate-700">
          Please do not microneedle at home until your clinician has approved a plan for you. Your clinician
          {patient ? `, ${patient.responsibleClinician.name},` : ""} will record it here after your review.
        </p>
      </Card>
    </div>
  );
}
