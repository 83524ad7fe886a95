import { Badge } from "@/app/_components/ui/badge";
import { Alert, Card } from "@/app/_components/ui/card";
import type { Actor } from "@/lib/auth/types";
import { clinicTimeZone } from "@/lib/data/clock";
import type { SettingsProposalDto } from "@/lib/data/settings-proposals";
import { describeSettingsChange, type ClinicSettings } from "@/lib/domain/clinic-settings";
import { formatClinicDateTime } from "@/lib/domain/dates";
import { PROPOSAL_STATE_LABELS } from "@/lib/domain/settings-proposals";
import { ProposalActions } from "./proposal-actions";

type Props = { actor: Actor; proposals: SettingsProposalDto[]; current: ClinicSettings };

/** Loosenings waiting for a second person: what they change, who proposed them and until when. */
export function PendingChanges({ actor, proposals, current }: Props) {
  if (proposals.length === 0) return null;
  const when = (iso: string) => formatClinicDateTime(iso, clinicTimeZone());
  return (
    <section aria-labelledby="pending-changes" className="space-y-2">
      <h2 id="pending-changes" className="text-lg font-semibold">
        Pending changes
      </h2>
      <Alert tone="warning">Not in force: each of these needs a second clinician or an admin to confirm it before it expires.</Alert>
      {proposals.map((p) => {
        const own = p.proposedBy.id === actor.id;
        const open = p.state === "pending";
        return (
          <Card key={p.id} className="space-y-2" aria-label={`Proposal by ${p.proposedBy.name}`}>
            <p className="flex flex-wrap items-center gap-2 font-medium">
              {p.loosened.map((l) => l.label).join("; ")}: Block → Review
              <Badge tone={open ? "warning" : "neutral"}>{PROPOSAL_STATE_LABELS[p.state]}</Badge>
            </p>
            <p className="text-sm text-slate-700">
              Proposed by {p.proposedBy.name} on {when(p.proposedAt)}; expires {when(p.expiresAt)}.
            </p>
            <p className="text-sm">Reason: {p.reason}</p>
            <ul className="list-disc pl-5 text-sm text-slate-700">
              {describeSettingsChange(current, p.settings).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {own && open && <p className="text-sm text-slate-700">You proposed this: a second clinician or an admin must confirm it.</p>}
            <ProposalActions id={p.id} canConfirm={open && !own} canWithdraw={own || actor.role === "admin"} />
          </Card>
        );
      })}
    </section>
  );
}
