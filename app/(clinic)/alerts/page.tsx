import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { listAlerts, type AlertStatus } from "@/lib/data/alerts";
import { alertStatusQuerySchema } from "@/lib/validation/reports";
import { AlertList } from "./alert-list";

export const metadata: Metadata = { title: "Alerts" };

const TABS: { status: AlertStatus; label: string }[] = [
  { status: "open", label: "Open" },
  { status: "acknowledged", label: "Acknowledged" },
  { status: "resolved", label: "Resolved" },
];

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requirePageActor(STAFF_ROLES);
  const parsed = alertStatusQuerySchema.safeParse(await searchParams);
  const status = parsed.success ? parsed.data.status : "open";
  const alerts = listAlerts(actor, status);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Alerts</h1>
      <nav aria-label="Alert status" className="flex gap-1 border-b border-slate-200">
        {TABS.map((t) => (
          <Link
            key={t.status}
            href={`/alerts?status=${t.status}`}
            aria-current={t.status === status ? "page" : undefined}
            className={clsx("border-b-2 px-3 py-2 text-sm font-medium", t.status === status ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700")}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <AlertList alerts={alerts} isClinician={actor.role === "clinician"} />
    </div>
  );
}
