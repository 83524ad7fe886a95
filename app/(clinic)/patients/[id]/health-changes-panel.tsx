import { Card } from "@/app/_components/ui/card";
import { formatClinicDateTime } from "@/lib/domain/dates";
import type { HealthChangeDto } from "@/lib/data/health-changes";
import { RecordHealthChange } from "./record-health-change";

/**
 * Changes in health the patient told the clinic of, as their own statement beside the screening, with
 * who wrote each down; staff taking a call record one here (admins too).
 */
export function HealthChangesPanel({ patientId, changes, timeZone, clinicPhone }: { patientId: string; changes: HealthChangeDto[]; timeZone: string; clinicPhone: string | null }) {
  return (
    <Card aria-labelledby="health-changes-heading">
      <h2 id="health-changes-heading" className="text-lg font-semibold">
        Changes in health told by the patient
      </h2>
      {changes.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">The patient has not reported a change in health.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {changes.map((c) => (
            <li key={c.id} className="py-2">
              <p className="font-medium">
                {c.label}
                {c.note && <span className="font-normal">: {c.note}</span>}
                {c.date && <span className="font-normal text-slate-700"> (since {c.date})</span>}
              </p>
              <p className="text-slate-600">
                {formatClinicDateTime(c.createdAt, timeZone)} ·{" "}
                {c.source === "patient" ? "the patient's own statement in the portal" : `recorded by ${c.reportedBy.name} from the patient`}
              </p>
            </li>
          ))}
        </ul>
      )}
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Record a change the patient told you (a call)</summary>
        <div className="mt-3">
          <RecordHealthChange patientId={patientId} clinicPhone={clinicPhone} />
        </div>
      </details>
    </Card>
  );
}
