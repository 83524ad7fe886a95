import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";
import type { AlertGroup } from "@/lib/data/alert-groups";
import { ClinicTime } from "@/app/_components/clinic-time";
import { AlertActions } from "./alert-actions";
import { AlertNoteForm } from "./alert-note-form";
import { AlertNotes, CallNotice } from "./alert-notes";
import { KIND_LABELS } from "./alert-list";

/**
 * The open inbox under a flood: one card per patient and kind ("Jordan Lee · 200 alerts since 3 May"),
 * high first, acted on as a whole up to the newest alert shown. A row leads with its most severe item
 * (the newest high alert), then the newest one if that is another; a single alert reads as itself.
 */
export function AlertGroupList({ groups, isClinician }: { groups: AlertGroup[]; isClinician: boolean }) {
  if (groups.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm">No open alerts.</p>;
  return (
    <ul className="space-y-3">
      {groups.map((g) => (
        <GroupRow key={`${g.patientId}-${g.kind}`} group={g} isClinician={isClinician} />
      ))}
    </ul>
  );
}

function GroupRow({ group: g, isClinician }: { group: AlertGroup; isClinician: boolean }) {
  const label = KIND_LABELS[g.kind] ?? g.kind;
  const each = `/alerts?${new URLSearchParams({ status: "open", patientId: g.patientId, kind: g.kind })}`;
  const single = g.count === 1;
  const normal = g.count - g.highCount;
  // An admin acknowledges normal alerts only; high ones wait for a clinician (the API leaves them open).
  const canAcknowledge = isClinician || normal > 0;
  const acknowledgeLabel = !isClinician && g.highCount > 0 && normal > 0 ? `Acknowledge the ${normal} normal` : undefined;
  return (
    <li data-testid="alert-group" className={`rounded-lg border bg-white p-4 shadow-sm ${g.severity === "high" ? "border-red-300" : "border-slate-200"}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={g.severity === "high" ? "danger" : "warning"}>{g.severity === "high" ? "High" : "Normal"}</Badge>
        <span className="font-medium">{label}</span>
        <Link href={`/patients/${g.patientId}`} className="font-medium text-brand-700 hover:underline">
          {g.patientName}
        </Link>
        <span className="text-sm text-slate-700">
          {single ? (
            <ClinicTime iso={g.lastAt} />
          ) : (
            <>
              {g.count} alerts since <ClinicTime iso={g.firstAt} dateOnly />
              {g.highCount > 0 && g.highCount < g.count ? ` (${g.highCount} high)` : ""}
            </>
          )}
        </span>
      </div>
      <p className="mt-2 text-sm">
        {!single && (
          <span className="text-slate-700">
            {g.lead.severity === "high" ? "Most severe" : "Latest"}, <ClinicTime iso={g.lead.createdAt} />:{" "}
          </span>
        )}
        {g.lead.summary}
      </p>
      {g.lead.id !== g.latestId && (
        <p className="mt-1 text-sm text-slate-700">
          Latest, <ClinicTime iso={g.lastAt} />: {g.latestSummary}
        </p>
      )}
      <AlertNotes notes={g.lead.notes} />
      {g.lead.contactRequired && <CallNotice alertId={g.lead.id} patientName={g.patientName} phone={g.patientPhone} callRecorded={g.lead.callRecorded} />}
      {!single && (
        <p className="mt-1 text-sm">
          <Link href={each} className="text-brand-700 hover:underline">
            See each of the {g.count} alerts
          </Link>
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-start gap-2">
        <AlertActions
          target={single ? { alertId: g.lead.id } : { group: { patientId: g.patientId, kind: g.kind, upTo: g.lastAt, count: g.count } }}
          status="open"
          canSuspend={isClinician}
          canResolve={isClinician || g.severity !== "high"}
          canAcknowledge={canAcknowledge}
          acknowledgeLabel={acknowledgeLabel}
          awaitingCall={single && g.lead.contactRequired && !g.lead.callRecorded}
          patientName={g.patientName}
        />
        <AlertNoteForm alertId={g.lead.id} kind="note" patientName={g.patientName} />
      </div>
    </li>
  );
}
