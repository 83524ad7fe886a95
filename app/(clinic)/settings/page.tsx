import type { Metadata } from "next";
import { Alert, Card } from "@/app/_components/ui/card";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { getClinicSecurity } from "@/lib/data/clinic-security";
import { getClinicSettings } from "@/lib/data/clinic-settings";
import { listSettingsChanges } from "@/lib/data/settings-history";
import { listPendingSettingsProposals, listSettingsProposals } from "@/lib/data/settings-proposals";
import { PROPOSAL_TTL_HOURS } from "@/lib/domain/settings-proposals";
import { settingsHistoryQuerySchema } from "@/lib/validation/clinic-settings";
import { ClinicExport } from "./clinic-export";
import { PendingChanges } from "./pending-changes";
import { SecurityForm } from "./security-form";
import { SettingsForm } from "./settings-form";
import { SettingsHistory } from "./settings-history";

export const metadata: Metadata = { title: "Clinic settings" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SettingsPage({ searchParams }: Props) {
  const actor = await requirePageActor(STAFF_ROLES);
  // A page number that makes no sense shows the first page rather than an error.
  const query = settingsHistoryQuerySchema.safeParse(await searchParams);
  const { proposals: proposalsPage, changes: changesPage } = query.success ? query.data : { proposals: 1, changes: 1 };
  const canEdit = actor.role === "clinician";
  const settings = getClinicSettings(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Clinic settings</h1>
      <p className="text-sm text-slate-700">
        Clinical defaults for your clinic. Stricter settings apply at once. Pregnancy, active infection and isotretinoin always block. Turning another
        blocking screening item into a review item needs a reason and a second clinician&apos;s or an admin&apos;s confirmation within {PROPOSAL_TTL_HOURS}{" "}
        hours; until then it keeps blocking. Nothing else can be set looser than the clinical reference. Every change is recorded in the audit trail. Home
        plans never exceed 1.0 mm whatever is set here.
      </p>
      {!canEdit && (
        <Alert tone="info">
          Clinical safety settings are changed by a clinician. You can read them here, and confirm or withdraw a clinician&apos;s pending proposal.
        </Alert>
      )}
      <PendingChanges actor={actor} proposals={listPendingSettingsProposals(actor)} current={settings} />
      <Card>
        <SettingsForm settings={settings} canEdit={canEdit} />
      </Card>
      <SettingsHistory proposals={listSettingsProposals(actor, { page: proposalsPage, pageSize: 10 })} changes={listSettingsChanges(actor, changesPage)} />
      <h2 className="pt-2 text-lg font-semibold">Sign-in security</h2>
      <Card>
        <SecurityForm requireStaffMfa={getClinicSecurity(actor).requireStaffMfa} canEdit={actor.role === "admin"} />
      </Card>
      {actor.role === "admin" && <ClinicExport />}
    </div>
  );
}
