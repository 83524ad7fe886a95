import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { OVERVIEW_SYMPTOM_DAYS, OVERVIEW_WEEKS } from "@/lib/data/overview";
import { Widget } from "./widget";
import { AlertsPerWeek } from "./widgets/alerts-per-week";
import { NeedsAttention } from "./widgets/needs-attention";
import { OffPlanShare } from "./widgets/off-plan-share";
import { PlansByStatus } from "./widgets/plans-by-status";
import { ReactionsBySymptom } from "./widgets/reactions-by-symptom";

export const metadata: Metadata = { title: "Overview" };

/**
 * Where staff land: the clinic at a glance. Each widget queries on its own inside its own Suspense
 * and error boundary (see Widget), and each data function authorizes the actor itself.
 */
export default async function OverviewPage() {
  const actor = await requirePageActor(STAFF_ROLES);
  const weeks = `Last ${OVERVIEW_WEEKS} weeks`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Overview</h1>
        <p className="text-sm text-slate-700">Your clinic&rsquo;s plans, alerts and reported reactions at a glance.</p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Widget id="needs-attention" title="Needs attention" period="Open high alerts, worsening courses, plans expiring within 14 days">
          <NeedsAttention actor={actor} />
        </Widget>
        <Widget id="plans-by-status" title="Plans by status" period="Every patient, by their current plan">
          <PlansByStatus actor={actor} />
        </Widget>
        <Widget id="alerts-per-week" title="Alerts raised and resolved" period={weeks}>
          <AlertsPerWeek actor={actor} />
        </Widget>
        <Widget id="off-plan-share" title="Sessions flagged off-plan" period={weeks}>
          <OffPlanShare actor={actor} />
        </Widget>
        <Widget id="reactions-by-symptom" title="Reactions by symptom and grade" period={`Last ${OVERVIEW_SYMPTOM_DAYS} days`} className="lg:col-span-2">
          <ReactionsBySymptom actor={actor} />
        </Widget>
      </div>
    </div>
  );
}
