import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guards";
import { getPatient } from "@/lib/data/patients";
import { todayIso } from "@/lib/domain/dates";
import { MyPlan } from "./my-plan";

export const metadata: Metadata = { title: "My plan" };

export default async function PortalPage() {
  const actor = await requirePageActor(["patient"]);
  const patient = actor.patientId ? getPatient(actor, actor.patientId) : null;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Hello, {patient?.name ?? actor.name}</h1>
      <section aria-labelledby="my-plan-heading" className="space-y-3">
        <h2 id="my-plan-heading" className="text-lg font-semibold">
          My plan
        </h2>
        <MyPlan plan={patient?.currentPlan ?? null} clinicianName={patient?.responsibleClinician.name ?? "your clinician"} today={todayIso()} />
      </section>
    </div>
  );
}
