"use client";

import clsx from "clsx";
import { useClinicTimeZone } from "@/app/_components/clinic-time";
import { adherenceWeeks } from "@/lib/charts/adherence";
import { emptyRangeMessage } from "@/lib/charts/ranges";
import { adherenceSummary, healingSummary, needleSummary, timelineSummary } from "@/lib/charts/summaries";
import { timeDomain } from "@/lib/charts/timeline";
import type { PatientCharts } from "@/lib/charts/types";
import { ChartPanel } from "./chart-panel";
import { AdherenceTable, HealingTable, NeedleTables, TimelineTable } from "./chart-tables";
import { AdherenceChart, HealingChart, NeedleLimitChart, ReactionTimelineChart } from "./lazy-charts";

/** The four charts for one range, or a plain sentence when the range holds nothing. */
export function ChartsBody({ data, stale, minIntervalDays }: { data: PatientCharts; stale: boolean; minIntervalDays: number | null }) {
  const timeZone = useClinicTimeZone();
  if (data.sessions.length === 0 && data.reactions.length === 0) {
    return <p className="mt-3 rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-700">{emptyRangeMessage(data.range)}</p>;
  }
  const { areas, weeks } = adherenceWeeks(data.sessions, data.limits, timeDomain(data), minIntervalDays, timeZone);
  return (
    <div className={clsx("mt-3 grid gap-4 lg:grid-cols-2", stale && "opacity-60")} data-range={data.range}>
      <ChartPanel
        id="reaction-timeline"
        title="Reactions and sessions"
        summary={timelineSummary(data, timeZone)}
        chart={<ReactionTimelineChart data={data} />}
        table={<TimelineTable data={data} />}
      />
      <ChartPanel
        id="needle-limit"
        title="Needle length against the approved maximum"
        summary={needleSummary(data, timeZone)}
        chart={<NeedleLimitChart data={data} />}
        table={<NeedleTables data={data} />}
      />
      <ChartPanel
        id="healing"
        title="Healing time after each session"
        summary={healingSummary(data.range, data.healing)}
        chart={<HealingChart data={data} />}
        table={<HealingTable data={data} />}
      />
      <ChartPanel
        id="adherence"
        title="Sessions per week"
        summary={adherenceSummary(data.range, areas, weeks, minIntervalDays)}
        chart={<AdherenceChart data={data} minIntervalDays={minIntervalDays} />}
        table={<AdherenceTable data={data} minIntervalDays={minIntervalDays} />}
      />
    </div>
  );
}
