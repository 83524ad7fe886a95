"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useClinicTimeZone } from "@/app/_components/clinic-time";
import { adherenceWeeks, type AdherenceWeek } from "@/lib/charts/adherence";
import { areaLabel } from "@/lib/charts/labels";
import { timeDomain } from "@/lib/charts/timeline";
import type { PatientCharts } from "@/lib/charts/types";
import { areaColor, axisTick, CHART_HEIGHT, TooltipBox, weekDate } from "./chart-parts";

/** Sessions per calendar week per area, against the most the plan's minimum interval allows in a week. */
export default function AdherenceChart({ data, minIntervalDays }: { data: PatientCharts; minIntervalDays: number | null }) {
  const { areas, weeks } = adherenceWeeks(data.sessions, data.limits, timeDomain(data), minIntervalDays, useClinicTimeZone());
  const hasAllowed = weeks.some((w) => w.allowed !== null);
  const top = Math.max(1, ...weeks.flatMap((w) => [w.allowed ?? 0, ...Object.values(w.counts)]));

  return (
    <div className="space-y-2">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <ComposedChart data={weeks} accessibilityLayer margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="week" tickFormatter={weekDate} tick={axisTick} />
          <YAxis domain={[0, top + 1]} allowDecimals={false} tick={axisTick} width={32} />
          <Tooltip
            content={({ active, payload }) => {
              const week = payload?.[0]?.payload as AdherenceWeek | undefined;
              if (!active || !week) return null;
              return (
                <TooltipBox title={`Week of ${weekDate(week.week)}`}>
                  {areas.map((area) => (
                    <p key={area}>
                      {areaLabel(area)}: {week.counts[area] ?? 0}
                      {week.over.includes(area) ? " (over the allowed number)" : ""}
                    </p>
                  ))}
                  <p>Allowed per area: {week.allowed ?? "not set by the plan"}</p>
                </TooltipBox>
              );
            }}
          />
          {areas.map((area) => (
            <Bar key={area} name={areaLabel(area)} dataKey={(w: AdherenceWeek) => w.counts[area] ?? 0} fill={areaColor(area)} isAnimationActive={false} />
          ))}
          {hasAllowed && <Line name="Allowed" dataKey="allowed" type="step" stroke="#B2182B" strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />}
        </ComposedChart>
      </ResponsiveContainer>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {areas.map((area) => (
          <li key={area} className="flex items-center gap-1">
            <span className="inline-block size-3" style={{ backgroundColor: areaColor(area) }} aria-hidden="true" />
            {areaLabel(area)} sessions
          </li>
        ))}
        {hasAllowed && (
          <li className="flex items-center gap-1">
            <span className="inline-block w-4 border-t-2 border-dashed border-red-800" aria-hidden="true" />
            Most allowed in a week at the plan&rsquo;s minimum interval (none while not approved)
          </li>
        )}
      </ul>
    </div>
  );
}
