import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-guards";

export const metadata: Metadata = { title: "Account not linked" };

export default async function UnlinkedPage() {
  const actor = await requirePageActor(["patient"]);
  if (actor.patientId) redirect("/portal");
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Your account is not linked to a patient record</h1>
      <p>Your clinic has not connected this sign-in to your record yet, so there is no plan to show. Please contact your clinic.</p>
    </div>
  );
}
