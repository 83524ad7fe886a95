import type { Metadata } from "next";
import { Pager } from "@/app/_components/ui/pager";
import { buttonClasses } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { requirePageActor } from "@/lib/auth/page-guards";
import { listAuditEvents } from "@/lib/data/audit-log";
import { findPatientChoice } from "@/lib/data/patients";
import { listClinicStaff } from "@/lib/data/staff";
import { AUDIT_ACTIONS, AUDIT_SCOPE_LABELS, AUDIT_SCOPES, auditActionLabel, auditActorLabel } from "@/lib/domain/audit-actions";
import { ClinicTime } from "@/app/_components/clinic-time";
import { auditQuerySchema } from "@/lib/validation/audit";
import { AuditFilters } from "./audit-filters";

export const metadata: Metadata = { title: "Audit trail" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requirePageActor(["admin"]);
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = auditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const { items, total, totalCapped, page, pageSize } = listAuditEvents(actor, query);
  const filters = Object.fromEntries(
    Object.entries({ patientId: query.patientId, actorId: query.actorId, action: query.action, from: query.from, to: query.to, scope: query.scope === "all" ? undefined : query.scope }).filter(
      (e): e is [string, string] => Boolean(e[1]),
    ),
  );
  const href = (extra: Record<string, string>) => `?${new URLSearchParams({ ...filters, ...extra })}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Audit trail</h1>
          <p className="text-sm text-slate-700">
            Every sign-in, record view, list view, refusal and change in your clinic, newest first, with the failed sign-ins that named no
            account on this installation (every clinic&apos;s admin sees those). Times are UTC.
          </p>
        </div>
        <a href={`/api/audit${href({ format: "csv" })}`} className={buttonClasses("secondary")} download>
          Download CSV
        </a>
      </div>
      <AuditFilters
        initial={filters}
        patient={findPatientChoice(actor, query.patientId)}
        staff={listClinicStaff(actor)}
        actions={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))}
        scopes={AUDIT_SCOPES.map((value) => ({ value, label: AUDIT_SCOPE_LABELS[value] }))}
      />
      {!parsed.success && <Alert tone="warning">{parsed.error.issues[0]?.message} The filters were reset.</Alert>}
      <p className="text-sm text-slate-700">
        {totalCapped ? `More than ${total.toLocaleString("en")} events: the newest are shown; narrow the dates to reach older ones.` : `${total} ${total === 1 ? "event" : "events"}`}
      </p>
      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">No events match these filters.</div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Audit events</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                {["When (UTC)", "Who", "Action", "Patient", "Outcome", "IP", "Details"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {items.map((e) => (
                <tr key={e.id} data-installation-wide={e.installationWide || undefined}>
                  <td className="whitespace-nowrap px-3 py-2"><ClinicTime iso={e.occurredAt} /></td>
                  <td className="px-3 py-2">{auditActorLabel(e)}</td>
                  <td className="px-3 py-2">{auditActionLabel(e.action)}</td>
                  <td className="px-3 py-2">{e.patient ? `${e.patient.name} · ${e.patient.mrn}` : "—"}</td>
                  <td className="px-3 py-2">{e.outcome}</td>
                  <td className="px-3 py-2 font-mono text-xs">{e.ip ?? "—"}</td>
                  <td className="max-w-md px-3 py-2">
                    {e.detail ? (
                      <details>
                        <summary className="cursor-pointer text-brand-700">View</summary>
                        <pre className="mt-1 whitespace-pre-wrap break-words text-xs">{JSON.stringify(e.detail, null, 2)}</pre>
                      </details>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pageSize={pageSize} total={total} href={(n) => href({ page: String(n) })} noun={["event", "events"]} />
    </div>
  );
}
