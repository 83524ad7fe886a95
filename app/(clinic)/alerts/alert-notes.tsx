import { ClinicTime } from "@/app/_components/clinic-time";
import type { AlertNoteDto } from "@/lib/data/alerts";
import { AlertNoteForm } from "./alert-note-form";

/** Notes and recorded calls under an alert, oldest first: who wrote them, when, and which kind. */
export function AlertNotes({ notes }: { notes: AlertNoteDto[] }) {
  if (notes.length === 0) return null;
  return (
    <ul aria-label="Notes on this alert" className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3">
      {notes.map((n) => (
        <li key={n.id} className="text-sm">
          <span className="font-medium">{n.kind === "call" ? "Call recorded" : "Note"}</span>{" "}
          <span className="text-slate-600">
            by {n.authorName} ({n.authorRole}), <ClinicTime iso={n.createdAt} />:
          </span>{" "}
          <span className="whitespace-pre-line">{n.note}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The patient must be told to stop and cannot read it in the portal: the alert says so, offers the
 * call form, and stays open (the API answers 409) until the call is recorded.
 */
export function CallNotice({ alertId, patientName, phone, callRecorded }: { alertId: string; patientName: string; phone: string | null; callRecorded: boolean }) {
  if (callRecorded) return null;
  return (
    <div className="mt-2 space-y-2 rounded-md border border-red-300 bg-red-50 p-3">
      <p className="text-sm font-medium text-red-900">
        No portal access: call the patient{phone ? ` on ${phone}` : " (no phone number on record)"}. This alert stays open until the call is recorded.
      </p>
      <AlertNoteForm alertId={alertId} kind="call" patientName={patientName} />
    </div>
  );
}
