import { Badge } from "@/app/_components/ui/badge";
import { ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { Pager } from "@/app/_components/ui/pager";
import type { Page } from "@/lib/data/page";
import { clinicTimeZone } from "@/lib/data/clock";
import type { SettingsChangesPage } from "@/lib/data/settings-history";
import type { SettingsProposalDto } from "@/lib/data/settings-proposals";
import { formatClinicDateTime } from "@/lib/domain/dates";
import { PROPOSAL_STATE_LABELS } from "@/lib/domain/settings-proposals";

type Props = { proposals: Page<SettingsProposalDto>; changes: SettingsChangesPage };

/** Every proposal with its state and who, and the past saves from the audit trail, each paged on its own. */
export function SettingsHistory({ proposals, changes }: Props) {
  const when = (iso: string) => formatClinicDateTime(iso, clinicTimeZone());
  const href = (p: number, c: number) => `/settings?proposals=${p}&changes=${c}#settings-history`;
  return (
    <section aria-labelledby="settings-history" className="space-y-3">
      <h2 id="settings-history" className="pt-2 text-lg font-semibold">
        Settings history
      </h2>
      <Card className="space-y-3">
        <h3 className="font-semibold">Proposals to turn a blocking item into a review item</h3>
        {proposals.items.length === 0 ? (
          <p className="text-sm text-slate-700">None yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Proposals">
            {proposals.items.map((p) => (
              <li key={p.id} className="space-y-1 py-2 text-sm">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {p.loosened.map((l) => l.label).join("; ")}
                  <Badge tone={p.state === "confirmed" ? "info" : "neutral"}>{PROPOSAL_STATE_LABELS[p.state]}</Badge>
                </p>
                <p className="text-slate-700">
                  Proposed by {p.proposedBy.name} on {when(p.proposedAt)}
                  {p.confirmedBy && p.confirmedAt ? `; confirmed by ${p.confirmedBy.name} on ${when(p.confirmedAt)}` : ""}
                  {p.withdrawnAt ? `; withdrawn on ${when(p.withdrawnAt)}` : ""}.
                </p>
                <p>Reason: {p.reason}</p>
              </li>
            ))}
          </ul>
        )}
        <Pager page={proposals.page} pageSize={proposals.pageSize} total={proposals.total} href={(p) => href(p, changes.page)} noun={["proposal", "proposals"]} label="Proposals pages" />
      </Card>
      <Card className="space-y-3">
        <h3 className="font-semibold">Saved changes</h3>
        {changes.items.length === 0 ? (
          <p className="text-sm text-slate-700">No saves recorded.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Saved changes">
            {changes.items.map((c) => (
              <li key={c.id} className="space-y-1 py-2 text-sm">
                <p className="font-medium">
                  {when(c.occurredAt)} · {c.actor ? `${c.actor.name} (${c.actor.role})` : "—"} {c.outcome !== "success" && <Badge tone="danger">Refused</Badge>}
                </p>
                <ul className="list-disc pl-5 text-slate-700">
                  {c.summary.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        <nav aria-label="Saved changes pages" className="flex gap-2 text-sm">
          {changes.page > 1 && <ButtonLink href={href(proposals.page, changes.page - 1)}>Newer</ButtonLink>}
          {changes.hasMore && <ButtonLink href={href(proposals.page, changes.page + 1)}>Older</ButtonLink>}
        </nav>
      </Card>
    </section>
  );
}
