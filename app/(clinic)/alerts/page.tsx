import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { Alert } from "@/app/_components/ui/card";
import { Pager } from "@/app/_components/ui/pager";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { listAlertGroups } from "@/lib/data/alert-groups";
import { listAlerts, type AlertStatus } from "@/lib/data/alerts";
import { alertListQuerySchema } from "@/lib/validation/reports";
import { AlertGroupList } from "./alert-groups";
import { AlertList, KIND_LABELS } from "./alert-list";

export const metadata: Metadata = { title: "Alerts" };

const TABS: { status: AlertStatus; label: string }[] = [
  { status: "open", label: "Open" },
  { status: "acknowledged", label: "Acknowledged" },
  { status: "resolved", label: "Resolved" },
];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Open alerts arrive grouped by patient and kind; a group, another state or a patient lists each alert. */
export default async function AlertsPage({ searchParams }: Props) {
  const actor = await requirePageActor(STAFF_ROLES);
  const parsed = alertListQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : alertListQuerySchema.parse({});
  const grouped = query.status === "open" && !query.patientId && !query.kind;
  const filters = Object.fromEntries(Object.entries({ status: query.status, patientId: query.patientId, kind: query.kind }).filter((e): e is [string, string] => Boolean(e[1])));
  const href = (page: number) => `/alerts?${new URLSearchParams({ ...filters, page: String(page) })}`;
  const isClinician = actor.role === "clinician";
  const groups = grouped ? listAlertGroups(actor, query) : null;
  const alerts = grouped ? null : listAlerts(actor, query);
  const list = groups ?? alerts!;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Alerts</h1>
      <nav aria-label="Alert status" className="flex gap-1 border-b border-slate-200">
        {TABS.map((t) => (
          <Link
            key={t.status}
            href={`/alerts?status=${t.status}`}
            aria-current={t.status === query.status && !query.patientId && !query.kind ? "page" : undefined}
            className={clsx("border-b-2 px-3 py-2 text-sm font-medium", t.status === query.status ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700")}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {!parsed.success && <Alert tone="warning">{parsed.error.issues[0]?.message} Showing the open alerts instead.</Alert>}
      {(query.patientId || query.kind) && alerts && (
        <p className="text-sm text-slate-700">
          {query.kind ? `${KIND_LABELS[query.kind] ?? query.kind} alerts` : "Alerts"}
          {query.patientId && alerts.items[0] ? ` of ${alerts.items[0].patientName}` : ""}, {query.status}.{" "}
          <Link href={`/alerts?status=${query.status}`} className="text-brand-700 hover:underline">
            Back to all {query.status} alerts
          </Link>
        </p>
      )}
      {groups ? <AlertGroupList groups={groups.items} isClinician={isClinician} /> : <AlertList alerts={alerts!.items} isClinician={isClinician} />}
      <Pager page={list.page} pageSize={list.pageSize} total={list.total} href={href} noun={grouped ? ["group of open alerts", "groups of open alerts"] : ["alert", "alerts"]} />
    </div>
  );
}
