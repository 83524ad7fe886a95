"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useClinicFormatter } from "@/app/_components/clinic-time";
import { healingRows, type HealingRow } from "@/lib/charts/healing";
import { areaLabel, plural } from "@/lib/charts/labels";
import type { PatientCharts } from "@/lib/charts/types";
import { axisTick, CHART_HEIGHT, shortDate, TooltipBox } from "./chart-parts";

const HEALED = "#0072B2";
const STILL = "#B2182B";

/**
 * Days until every symptom after a session was back at none, one bar per session. A session with no
 * all-clear yet sits in its own "Still healing" lane above the bars (its height is not a duration, so
 * it is a marker, not a bar); the dashed line is the fitted trend, so slower recovery shows as a rise.
 */
export default function HealingChart({ data }: { data: PatientCharts }) {
  const formatTime = useClinicFormatter();
  const rows = healingRows(data.healing, data.to);
  const hasTrend = rows.some((r) => r.trend !== null);
  const top = Math.max(1, ...rows.map((r) => Math.ceil(Math.max(r.days ?? 0, r.trend ?? 0))));
  const lane = top + 1;
  const ticks = [...Array.from({ length: top + 1 }, (_, i) => i).filter((d) => top <= 6 || d % Math.ceil(top / 5) === 0), lane];

  return (
    <div className="space-y-2">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <ComposedChart data={rows} accessibilityLayer margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="index" tickFormatter={(i: number) => (rows[i] ? shortDate(rows[i].performedAt) : "")} tick={axisTick} />
          <YAxis domain={[0, lane + 0.5]} ticks={ticks} tickFormatter={(v: number) => (v === lane ? "Healing" : `${v} d`)} tick={axisTick} width={60} />
          <Tooltip
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as HealingRow | undefined;
              if (!active || !row) return null;
              return (
                <TooltipBox title={`${areaLabel(row.area)} session · ${formatTime(row.performedAt)}`}>
                  <p>
                    {row.days === null
                      ? `Still healing: no all-clear reported yet (${plural(row.soFar ?? 0, "day")} since the session)`
                      : `Healed in ${plural(row.days, "day")}`}
                  </p>
                  {row.trend !== null && <p>Trend: about {plural(row.trend, "day")}</p>}
                </TooltipBox>
              );
            }}
          />
          <Bar dataKey="days" name="Days to heal" fill={HEALED} isAnimationActive={false} />
          <Line
            name="Still healing"
            dataKey={(row: HealingRow) => (row.days === null ? lane : null)}
            stroke="none"
            isAnimationActive={false}
            activeDot={false}
            dot={(p) => <StillHealingMarker cx={p.cx} cy={p.cy} />}
          />
          {hasTrend && <Line dataKey="trend" name="Trend" type="linear" stroke="#334155" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />}
        </ComposedChart>
      </ResponsiveContainer>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        <li className="flex items-center gap-1">
          <span className="inline-block size-3" style={{ backgroundColor: HEALED }} aria-hidden="true" />
          Healed: days until every symptom was back at none
        </li>
        <li className="flex items-center gap-1">
          <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true">
            <path d="M0,-5 L5,0 L0,5 L-5,0 Z" fill="#fff" stroke={STILL} strokeWidth={2} />
          </svg>
          Still healing: no all-clear reported yet
        </li>
        {hasTrend && (
          <li className="flex items-center gap-1">
            <span className="inline-block w-4 border-t-2 border-dashed border-slate-700" aria-hidden="true" />
            Trend (rising means slower recovery)
          </li>
        )}
      </ul>
    </div>
  );
}

/** An open diamond in the "Healing" lane: shape, not colour, tells it apart from a healed bar. */
function StillHealingMarker({ cx, cy }: { cx?: number; cy?: number }) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cy)) return null;
  return <path data-testid="still-healing" d={`M${cx},${cy - 6} L${cx + 6},${cy} L${cx},${cy + 6} L${cx - 6},${cy} Z`} fill="#fff" stroke={STILL} strokeWidth={2} />;
}
