import { AREA_LABELS, type Area } from "@/lib/domain/clinical";
import { afterReportText } from "@/lib/domain/patient-plan-text";
import type { ReactionDto } from "@/lib/data/reactions";

/**
 * What a saved reaction led to, and nothing more: nobody is notified of a report (notifications are
 * their own issue), so the patient is told when the clinic will see it and what to do meanwhile.
 */
export function SavedReaction({ reaction, clinicPhone, forStaff }: { reaction: ReactionDto; clinicPhone: string | null; forStaff: boolean }) {
  const area = reaction.session && (AREA_LABELS[reaction.session.area as Area] ?? reaction.session.area).toLowerCase();
  return (
    <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-950">
      {forStaff ? (
        <p className="font-semibold">
          Reaction recorded in the patient&rsquo;s record. {reaction.alert ? `It raised a ${reaction.alert.severity} alert in the inbox.` : "It raised no alert."}
        </p>
      ) : (
        <p className="font-semibold">Reaction reported. {afterReportText(clinicPhone)}</p>
      )}
      {area && <p className="mt-1">Linked to {forStaff ? "the patient's" : "your"} {area} session.</p>}
    </div>
  );
}
