import type { Metadata } from "next";
import { requirePortalActor } from "@/lib/auth/page-guards";
import { getHomeCare } from "@/lib/data/home-care";
import { ReportReactionForm } from "./report-reaction-form";

export const metadata: Metadata = { title: "Report a reaction" };

export default async function ReportReactionPage() {
  const actor = await requirePortalActor();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Report a reaction</h1>
      <p className="text-sm text-slate-700">Redness, swelling and mild soreness are expected for up to about 3 days. Tell us about anything else, or anything that gets worse.</p>
      <ReportReactionForm initialHomeCare={getHomeCare(actor, actor.patientId)} />
    </div>
  );
}
