import type { Metadata } from "next";
import { Alert, Card } from "@/app/_components/ui/card";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { getClinicSecurity } from "@/lib/data/clinic-security";
import { getClinicSettings } from "@/lib/data/clinic-settings";
import { ClinicExport } from "./clinic-export";
import { SecurityForm } from "./security-form";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function SettingsPage() {
  const actor = await requirePageActor(STAFF_ROLES);
  const canEdit = actor.role === "clinician";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Clinic settings</h1>
      <p className="text-sm text-slate-700">
        Clinical defaults for your clinic. They can be made stricter than the clinical reference, never looser. Every change is recorded in the audit
        trail. Home plans never exceed 1.0 mm whatever is set here.
      </p>
      {!canEdit && (
        <Alert tone="info">Clinical safety settings are changed by a clinician. You can read them here; ask a clinician of your clinic to change one.</Alert>
      )}
      <Card>
        <SettingsForm settings={getClinicSettings(actor)} canEdit={canEdit} />
      </Card>
      <h2 className="pt-2 text-lg font-semibold">Sign-in security</h2>
      <Card>
        <SecurityForm requireStaffMfa={getClinicSecurity(actor).requireStaffMfa} canEdit={actor.role === "admin"} />
      </Card>
      {actor.role === "admin" && <ClinicExport />}
    </div>
  );
}
