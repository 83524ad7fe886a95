"use client";

import { CartesianGrid, ComposedChart, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useClinicFormatter } from "@/app/_components/clinic-time";
import { areaLabel } from "@/lib/charts/labels";
import { needleAreas, needleRows, zeroSpans, type NeedleRow } from "@/lib/charts/limits";
import { pauseAt, pauseLabel, pauseSpans } from "@/lib/charts/pauses";
import { isOffPlan, timeDomain, timeTicks } from "@/lib/charts/timeline";
import type { PatientCharts } from "@/lib/charts/types";
import { formatMm } from "@/lib/domain/clinical";
import { areaColor, axisTick, CHART_HEIGHT, LineLegend, SessionLegend, sessionDot, timeTickFormatter, TooltipBox } from "./chart-parts";
import { PAUSE_FILL, PauseNotes } from "./pause-notes";

const mm = (value: number) => `${formatMm(value)} mm`;

/** Each session's needle length per area against the approved maximum, a step line per area. */
export default function NeedleLimitChart({ data }: { data: PatientCharts }) {
  const formatTime = useClinicFormatter();
  const domain = timeDomain(data);
  const rows = needleRows(data, domain);
  const areas = needleAreas(data);
  const top = Math.max(1, ...data.sessions.map((s) => s.needleMm), ...data.limits.map((l) => l.maxNeedleMm));

  return (
    <div className="space-y-2">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <ComposedChart data={rows} accessibilityLayer margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="t" type="number" scale="time" domain={domain} ticks={timeTicks(domain, 4)} tickFormatter={timeTickFormatter(domain)} tick={axisTick} />
          <YAxis
            domain={[0, top]}
            ticks={top <= 1 ? [0, 0.25, 0.5, 0.75, 1] : undefined}
            tickFormatter={(v: number) => (v === 0 ? "0" : formatMm(v))}
            tick={axisTick}
            width={44}
            label={{ value: "mm", angle: -90, position: "insideLeft", fontSize: 12, fill: "#334155" }}
          />
          {zeroSpans(data.limits, domain, data.pauses).map((span) => (
            <ReferenceArea
              key={`${span.x1}-${span.x2}`}
              x1={span.x1}
              x2={span.x2}
              fill="#94a3b8"
              fillOpacity={0.3}
              ifOverflow="hidden"
              // A sliver has no room for words; the legend and table still explain it.
              label={(span.x2 - span.x1) / (domain[1] - domain[0]) > 0.15 ? { value: "none approved", position: "insideTop", fontSize: 10, fill: "#334155" } : undefined}
            />
          ))}
          {pauseSpans(data.pauses, domain).map((span) => (
            <ReferenceArea
              key={`pause-${span.x1}`}
              x1={span.x1}
              x2={span.x2}
              fill={PAUSE_FILL}
              fillOpacity={0.18}
              ifOverflow="hidden"
              shape={PauseBand}
              label={(span.x2 - span.x1) / (domain[1] - domain[0]) > 0.2 ? { value: pauseLabel(span.reason), position: "insideTop", fontSize: 10, fill: "#7F0000" } : undefined}
            />
          ))}
          <Tooltip
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as NeedleRow | undefined;
              if (!active || !row) return null;
              const session = row.session;
              const pause = pauseAt(data.pauses, row.t);
              return (
                <TooltipBox title={formatTime(new Date(row.t).toISOString())}>
                  {pause && <p className="font-medium text-red-900">{pauseLabel(pause.reason)}: no length allowed</p>}
                  {session && (
                    <p>
                      {areaLabel(session.area)} session: {mm(session.needleMm)} ({isOffPlan(session) ? "off plan" : "within plan"})
                    </p>
                  )}
                  {areas.map((area) => (
                    <p key={area}>
                      {areaLabel(area)} approved: {row.limits[area] ? mm(row.limits[area]) : "none"}
                    </p>
                  ))}
                </TooltipBox>
              );
            }}
          />
          {areas.map((area) => (
            <Line
              key={`limit-${area}`}
              name={`${areaLabel(area)} approved maximum`}
              type="stepAfter"
              dataKey={(row: NeedleRow) => row.limits[area] ?? 0}
              stroke={areaColor(area)}
              strokeWidth={2}
              isAnimationActive={false}
              activeDot={false}
              dot={(p) => <LimitStep cx={p.cx} cy={p.cy} count={(p.payload as NeedleRow).stepStarts.filter((a) => a === area).length} color={areaColor(area)} />}
            />
          ))}
          {areas.map((area) => (
            <Line
              key={`session-${area}`}
              name={`${areaLabel(area)} sessions`}
              dataKey={(row: NeedleRow) => (row.session?.area === area ? row.session.needleMm : null)}
              stroke="none"
              isAnimationActive={false}
              activeDot={false}
              dot={sessionDot(areaColor(area), "needle-marker")}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
      <LineLegend items={areas.map((area) => ({ key: area, color: areaColor(area), label: `${areaLabel(area)}: approved maximum (line) and sessions` }))}>
        <li className="flex items-center gap-1">
          <span className="inline-block size-3 bg-slate-400/30" aria-hidden="true" />
          Shaded: no approved length (denied, suspended, expired or no plan)
        </li>
        {data.pauses.length > 0 && (
          <li className="flex items-center gap-1">
            <span className="inline-block size-3" style={{ backgroundColor: PAUSE_FILL, opacity: 0.3 }} aria-hidden="true" />
            Red band: paused by the clinic (no length allowed)
          </li>
        )}
      </LineLegend>
      <PauseNotes pauses={data.pauses} />
      <SessionLegend />
    </div>
  );
}

/**
 * A pause's band, at least 3 px wide so one that began minutes ago still shows at the right edge (the
 * notes under the chart give its exact times). The test id lets specs find it.
 */
function PauseBand({ x, y, width, height, fill, fillOpacity }: { x?: number; y?: number; width?: number; height?: number; fill?: string; fillOpacity?: number }) {
  if (x === undefined || y === undefined || width === undefined || height === undefined) return <g />;
  const w = Math.max(width, 3);
  return <rect data-testid="pause-band" x={x + width - w} y={y} width={w} height={height} fill={fill} fillOpacity={fillOpacity} />;
}

/** A small square where an approved maximum starts (one per plan-version period), a hook for tests. */
function LimitStep({ cx, cy, count, color }: { cx?: number; cy?: number; count: number; color: string }) {
  if (count === 0 || cx === undefined || cy === undefined) return null;
  return (
    <g>
      {Array.from({ length: count }, (_, i) => (
        <rect key={i} data-testid="limit-step" x={cx - 3} y={cy - 3} width={6} height={6} fill={color} />
      ))}
    </g>
  );
}
