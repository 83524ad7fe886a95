import Link from "next/link";
import { ReactionForm } from "@/app/_components/reports/reaction-form";
import { ReportHistory } from "@/app/_components/reports/report-history";
import { SessionForm } from "@/app/_components/reports/session-form";
import { Card } from "@/app/_components/ui/card";
import type { Actor } from "@/lib/auth/types";
import { listAlerts } from "@/lib/data/alerts";
import { getHomeCare } from "@/lib/data/home-care";
import { listReactions } from "@/lib/data/reactions";
import { listSessions } from "@/lib/data/sessions";
import { AlertList } from "../../alerts/alert-list";

/** The review loop on the patient page: open alerts, the report timeline, and phone-call entry. */
export function HomeReports({ actor, patientId, patientName }: { actor: Actor; patientId: string; patientName: string }) {
  const paging = { page: 1, pageSize: 100 };
  const history = { sessions: listSessions(actor, patientId, paging).items, reactions: listReactions(actor, patientId, paging).items, generatedAt: new Date().toISOString() };
  const homeCare = getHomeCare(actor, patientId);
  // Bounded: the first page of each state here, every alert a link away in the inbox.
  const unresolved = (["open", "acknowledged"] as const).map((status) => listAlerts(actor, { status, patientId, page: 1, pageSize: 20 }));
  const open = unresolved.flatMap((p) => p.items);
  const more = unresolved.reduce((sum, p) => sum + p.total - p.items.length, 0);
  return (
    <>
      <Card aria-labelledby="patient-alerts-heading">
        <h2 id="patient-alerts-heading" className="mb-3 text-lg font-semibold">
          Unresolved alerts
        </h2>
        <AlertList alerts={open} isClinician={actor.role === "clinician"} showPatient={false} />
        {more > 0 && (
          <p className="mt-3 text-sm">
            <Link href={`/alerts?status=open&patientId=${patientId}`} className="text-brand-700 hover:underline">
              {more} more unresolved {more === 1 ? "alert" : "alerts"} in the inbox
            </Link>
          </p>
        )}
      </Card>
      <Card aria-labelledby="reports-heading">
        <h2 id="reports-heading" className="mb-3 text-lg font-semibold">
          Home sessions and reactions
        </h2>
        <ReportHistory patientId={patientId} initialData={history} audience="clinic" />
      </Card>
      <Card aria-labelledby="on-behalf-heading">
        <h2 id="on-behalf-heading" className="text-lg font-semibold">
          Record for {patientName} (phone call)
        </h2>
        <p className="mb-3 text-sm text-slate-700">Entries made here are marked as recorded by you on the patient&rsquo;s behalf.</p>
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">Record a session</summary>
          <div className="mt-3">
            <SessionForm patientId={patientId} initialHomeCare={homeCare} onBehalfOf={patientName} />
          </div>
        </details>
        <details className="mt-3 rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">Record a reaction</summary>
          <div className="mt-3">
            <ReactionForm patientId={patientId} initialHomeCare={homeCare} />
          </div>
        </details>
      </Card>
    </>
  );
}
