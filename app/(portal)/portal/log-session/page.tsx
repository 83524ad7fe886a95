import type { Metadata } from "next";
import { requirePortalActor } from "@/lib/auth/page-guards";
import { getHomeCare } from "@/lib/data/home-care";
import { LogSessionForm } from "./log-session-form";

export const metadata: Metadata = { title: "Log a session" };

export default async function LogSessionPage() {
  const actor = await requirePortalActor();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Log a session</h1>
      <LogSessionForm initialHomeCare={getHomeCare(actor, actor.patientId)} />
    </div>
  );
}
