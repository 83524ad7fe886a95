"use client";

import { CartesianGrid, ComposedChart, Line, ReferenceArea, Tooltip, XAxis, YAxis, type DotItemDotProps } from "recharts";
import { PORTAL_PAUSE_LABELS, SESSION_LANE, timeTicks, type PortalChartData } from "@/lib/charts/portal-chart";
import { symptomColor } from "@/lib/charts/symptom-colors";
import { gradeLabel } from "@/lib/domain/reactions";
import { shortSymptomLabel } from "@/lib/charts/labels";
import { ChartLegend, ChartTable, ChartTooltip, PAUSE_FILL, shortDate } from "./reaction-chart-parts";

const GRADES = [0, 1, 2, 3];

/**
 * The patient's own reactions (a dot per symptom at its grade) and sessions (a marker in their own
 * lane under the grades) on one calm time axis. Hover, tap or arrow keys show exact values.
 */
export function ReactionChart({ data }: { data: PortalChartData }) {
  const { from, to, rows, symptoms, pauses } = data;
  return (
    <figure className="space-y-2">
      <ComposedChart
        responsive
        accessibilityLayer
        data={rows}
        style={{ width: "100%", height: 240 }}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        title="Your reactions and sessions over the last 90 days"
      >
        <CartesianGrid vertical={false} horizontalValues={GRADES} stroke="#E2E8F0" />
        <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} ticks={timeTicks(from, to)} tickFormatter={shortDate} tick={{ fontSize: 12, fill: "#334155" }} />
        <YAxis
          type="number"
          domain={[SESSION_LANE - 0.4, 3.4]}
          ticks={[SESSION_LANE, ...GRADES]}
          tickFormatter={(v: number) => (v === SESSION_LANE ? "Session" : gradeLabel(v))}
          width={70}
          tick={{ fontSize: 12, fill: "#334155" }}
        />
        {pauses.map((p) => (
          <ReferenceArea
            key={p.since}
            x1={p.x1}
            x2={p.x2}
            fill={PAUSE_FILL}
            fillOpacity={0.15}
            ifOverflow="hidden"
            shape={PauseBand}
            label={(p.x2 - p.x1) / (to - from) > 0.25 ? { value: PORTAL_PAUSE_LABELS[p.reason], position: "insideTop", fontSize: 11, fill: "#7F0000" } : undefined}
          />
        ))}
        <Tooltip content={ChartTooltip} cursor={{ stroke: "#94A3B8", strokeDasharray: "3 3" }} />
        {symptoms.map((symptom) => (
          <Line
            key={symptom}
            dataKey={symptom}
            name={shortSymptomLabel(symptom)}
            stroke="none"
            isAnimationActive={false}
            dot={(props: DotItemDotProps) => (props.cy == null ? null : <circle cx={props.cx} cy={props.cy} r={5} fill={symptomColor(symptom)} stroke="#FFFFFF" strokeWidth={1} />)}
            activeDot={{ r: 7, fill: symptomColor(symptom), stroke: "#FFFFFF" }}
          />
        ))}
        <Line dataKey="lane" name="Session" stroke="none" isAnimationActive={false} dot={SessionMarker} activeDot={false} />
      </ComposedChart>
      <ChartLegend symptoms={symptoms} paused={pauses.length > 0} />
      <ChartTable rows={rows} pauses={pauses} />
    </figure>
  );
}

/** A pause's band, at least 3 px wide so a pause that began today still shows at the right edge. */
function PauseBand({ x, y, width, height, fill, fillOpacity }: { x?: number; y?: number; width?: number; height?: number; fill?: string; fillOpacity?: number }) {
  if (x === undefined || y === undefined || width === undefined || height === undefined) return <g />;
  const w = Math.max(width, 3);
  return <rect data-pause-band="" x={x + width - w} y={y} width={w} height={height} fill={fill} fillOpacity={fillOpacity} />;
}

/** A small upward triangle: a session, marked under the day's reactions. */
function SessionMarker(props: DotItemDotProps) {
  if (props.cx == null || props.cy == null) return null;
  const { cx, cy } = props;
  return <path data-session-marker="" d={`M${cx},${cy - 6} L${cx + 6},${cy + 5} L${cx - 6},${cy + 5} Z`} fill="#475569" />;
}
