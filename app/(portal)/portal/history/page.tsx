import type { Metadata } from "next";
import { ReportTimeline } from "@/app/_components/reports/report-timeline";
import { requirePortalActor } from "@/lib/auth/page-guards";
import { toPortalChart } from "@/lib/charts/portal-chart";
import { describeRecovery } from "@/lib/charts/portal-summary";
import { getPatientCharts } from "@/lib/data/charts";
import { clinicTimeZone } from "@/lib/data/clock";
import { listReactions } from "@/lib/data/reactions";
import { listSessions } from "@/lib/data/sessions";
import { RefreshWhenStale } from "../../refresh-when-stale";
import { ReactionChartLoader } from "./reaction-chart-loader";

export const metadata: Metadata = { title: "My history" };

export default async function HistoryPage() {
  const actor = await requirePortalActor();
  const patientId = actor.patientId;
  const paging = { page: 1, pageSize: 100 };
  const renderedAt = new Date().toISOString();
  const history = { sessions: listSessions(actor, patientId, paging).items, reactions: listReactions(actor, patientId, paging).items };
  // Shaped here so the browser gets only the chart's rows, and the sentence is the tested function's.
  const charts = getPatientCharts(actor, patientId, "90d");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">My history</h1>
      <section aria-labelledby="my-skin-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="my-skin-title" className="text-lg font-semibold">
          Your skin over the last 90 days
        </h2>
        <p data-testid="recovery-summary" className="text-slate-800">
          {describeRecovery(charts, undefined, clinicTimeZone())}
        </p>
        <ReactionChartLoader data={toPortalChart(charts)} />
      </section>
      <h2 className="text-lg font-semibold">Everything you logged</h2>
      {/* Rendered on the server, not refetched in the browser: RefreshWhenStale renders the page again when it is old. */}
      <ReportTimeline data={history} audience="patient" />
      <RefreshWhenStale renderedAt={renderedAt} />
    </div>
  );
}
