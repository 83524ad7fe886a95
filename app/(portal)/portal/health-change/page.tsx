import type { Metadata } from "next";
import { requirePortalActor } from "@/lib/auth/page-guards";
import { getPauseNotice } from "@/lib/data/holds";
import { PortalHealthChangeForm } from "./portal-health-change-form";

export const metadata: Metadata = { title: "Tell your clinic about a change" };

export default async function HealthChangePage() {
  const actor = await requirePortalActor();
  const notice = getPauseNotice(actor, actor.patientId);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Tell your clinic about a change</h1>
      <p className="text-sm text-slate-700">
        Some changes in your health make microneedling unsafe. Tick everything that is new since your clinic last asked. Your answers are kept in your
        record as what you told us; your clinician reviews them.
      </p>
      <PortalHealthChangeForm patientId={actor.patientId} clinicPhone={notice.clinicPhone} />
    </div>
  );
}
