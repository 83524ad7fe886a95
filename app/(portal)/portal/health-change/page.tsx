import type { Metadata } from "next";
import { requirePortalActor } from "@/lib/auth/page-guards";
import { clinicTimeZone } from "@/lib/data/clock";
import { listHealthChanges } from "@/lib/data/health-changes";
import { getPauseNotice } from "@/lib/data/holds";
import { formatClinicDay } from "@/lib/domain/dates";
import { PortalHealthChangeForm } from "./portal-health-change-form";

export const metadata: Metadata = { title: "Tell your clinic about a change" };

export default async function HealthChangePage() {
  const actor = await requirePortalActor();
  const notice = getPauseNotice(actor, actor.patientId);
  const told = listHealthChanges(actor, actor.patientId, 10);
  const timeZone = clinicTimeZone();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Tell your clinic about a change</h1>
      <p className="text-sm text-slate-700">
        Some changes in your health make microneedling unsafe. Tick everything that is new since your clinic last asked. Your answers are kept in your
        record as what you told us; your clinician reviews them.
      </p>
      <PortalHealthChangeForm patientId={actor.patientId} clinicPhone={notice.clinicPhone} />
      {told.length > 0 && (
        <section aria-labelledby="told-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="told-heading" className="font-semibold">
            What you have told your clinic
          </h2>
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {told.map((c) => (
              <li key={c.id} className="py-2">
                <span className="font-medium">{c.label}</span>
                {c.note && <span>: {c.note}</span>} <span className="text-slate-600">· {formatClinicDay(c.createdAt, timeZone)}</span>
                {c.source === "staff" && <span className="text-slate-600"> · written down by {c.reportedBy.name} on a call</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
