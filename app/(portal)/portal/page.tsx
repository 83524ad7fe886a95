import type { Metadata } from "next";
import { requirePortalActor } from "@/lib/auth/page-guards";
import { getHomeCare } from "@/lib/data/home-care";
import { RefreshWhenStale } from "../refresh-when-stale";
import { DownloadRecord } from "./download-record";
import { MyPlan } from "./my-plan";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "My plan" };

export default async function PortalPage() {
  const actor = await requirePortalActor();
  const homeCare = getHomeCare(actor, actor.patientId);
  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-3">
        <h1 className="text-2xl font-semibold">Hello, {homeCare.patient.name}</h1>
        <PrintButton />
      </div>
      <section aria-labelledby="my-plan-heading" className="space-y-3">
        <h2 id="my-plan-heading" className="text-lg font-semibold">
          My plan
        </h2>
        <MyPlan homeCare={homeCare} />
      </section>
      <DownloadRecord patientId={actor.patientId} />
      <RefreshWhenStale renderedAt={homeCare.generatedAt} />
      <p className="hidden text-xs print:block">Printed from Dermaplan. Your clinic&rsquo;s latest decision is always the one in the portal.</p>
    </div>
  );
}
