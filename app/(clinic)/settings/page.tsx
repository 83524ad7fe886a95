import type { Metadata } from "next";
import { Card } from "@/app/_components/ui/card";
import { requirePageActor } from "@/lib/auth/page-guards";
import { getClinicSettings } from "@/lib/data/clinic-settings";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function SettingsPage() {
  const actor = await requirePageActor(["admin"]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Clinic settings</h1>
      <p className="text-sm text-slate-700">
        Clinical defaults for your clinic. Every change is recorded in the audit trail. Home plans never exceed 1.0 mm whatever is set here.
      </p>
      <Card>
        <SettingsForm settings={getClinicSettings(actor)} />
      </Card>
    </div>
  );
}
