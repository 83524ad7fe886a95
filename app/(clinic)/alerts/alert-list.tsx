import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";
import { ClinicTime } from "@/app/_components/clinic-time";
import type { AlertDto } from "@/lib/data/alerts";
import type { AlertKind } from "@/lib/domain/alert-rules";
import { AlertActions } from "./alert-actions";
import { AlertNoteForm } from "./alert-note-form";
import { AlertNotes, CallNotice } from "./alert-notes";

/** Every kind the rules raise has words here: the type refuses a kind without them. */
export const KIND_LABELS: Record<AlertKind, string> & Record<string, string | undefined> = {
  severe_reaction: "Severe reaction",
  infection: "Possible infection",
  persistent_reaction: "Lasting reaction",
  off_plan_session: "Off-plan session",
  warning_sign: "Warning sign",
  worsening_reaction: "Worsening reaction",
  lasting_symptom: "Lasting symptom",
  new_contraindication: "New contraindication on an active plan",
  new_review_item: "New screening answer to review",
  health_change: "Change in health told by the patient",
};

/** Suspending a plan, acknowledging and resolving a high alert are clinical acts: clinicians only; anyone adds a note. */
export function AlertList({ alerts, isClinician, showPatient = true }: { alerts: AlertDto[]; isClinician: boolean; showPatient?: boolean }) {
  if (alerts.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm">No alerts here.</p>;
  return (
    <ul className="space-y-3">
      {alerts.map((a) => (
        <li key={a.id} className={`rounded-lg border bg-white p-4 shadow-sm ${a.severity === "high" ? "border-red-300" : "border-slate-200"}`}>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={a.severity === "high" ? "danger" : "warning"}>{a.severity === "high" ? "High" : "Normal"}</Badge>
            <span className="font-medium">{KIND_LABELS[a.kind] ?? a.kind}</span>
            {showPatient && (
              <Link href={`/patients/${a.patientId}`} className="font-medium text-brand-700 hover:underline">
                {a.patientName}
              </Link>
            )}
            <span className="text-sm text-slate-600"><ClinicTime iso={a.createdAt} /></span>
          </div>
          <p className="mt-2 text-sm">{a.summary}</p>
          {a.acknowledgedBy && a.status !== "open" && (
            <p className="mt-1 text-xs text-slate-600">
              Acknowledged by {a.acknowledgedBy} {a.acknowledgedAt && <ClinicTime iso={a.acknowledgedAt} />}
            </p>
          )}
          {a.status === "resolved" && (
            <p className="mt-1 text-sm text-slate-800">
              Resolved by {a.resolvedBy}: {a.resolutionNote}
              {a.suspendedPlanVersion && ` (plan suspended as version ${a.suspendedPlanVersion})`}
            </p>
          )}
          <AlertNotes notes={a.notes} />
          {a.contactRequired && a.status !== "resolved" && <CallNotice alertId={a.id} patientName={a.patientName} phone={a.patientPhone} callRecorded={a.callRecorded} />}
          <div className="mt-3 flex flex-wrap items-start gap-2">
            <AlertActions
              target={{ alertId: a.id }}
              status={a.status}
              canSuspend={isClinician}
              canResolve={isClinician || a.severity !== "high"}
              canAcknowledge={isClinician || a.severity !== "high"}
              awaitingCall={a.contactRequired && !a.callRecorded}
              patientName={a.patientName}
            />
            <AlertNoteForm alertId={a.id} kind="note" patientName={a.patientName} />
          </div>
        </li>
      ))}
    </ul>
  );
}
