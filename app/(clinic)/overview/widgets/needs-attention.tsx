import Link from "next/link";
import type { Actor } from "@/lib/auth/types";
import { groupNeedsAttention } from "@/lib/charts/overview-shape";
import { attentionSummary } from "@/lib/charts/overview-summaries";
import { getNeedsAttention } from "@/lib/data/overview";
import { afterShell } from "../widget";

/** Patients to look at first, each a link to their page with every reason they are listed. */
export async function NeedsAttention({ actor }: { actor: Actor }) {
  await afterShell();
  const patients = groupNeedsAttention(getNeedsAttention(actor));
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-800">{attentionSummary(patients.length)}</p>
      {patients.length > 0 && (
        <ul data-testid="attention-list" className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {patients.map((p) => (
            <li key={p.patientId} className="px-3 py-2 text-sm">
              <Link href={`/patients/${p.patientId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {p.name}
              </Link>
              <ul className="mt-0.5 text-slate-700">
                {p.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
