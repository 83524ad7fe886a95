"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { percentTicks } from "@/lib/charts/overview-shape";

type Row = { label: string; share: number; text: string };

/** Share of each week's sessions flagged off-plan; the tooltip shows the table's exact percentage. */
export function OffPlanChart({ rows }: { rows: Row[] }) {
  const ticks = percentTicks(Math.max(0, ...rows.map((r) => r.share)));
  return (
    <BarChart responsive accessibilityLayer data={rows} style={{ width: "100%", height: 200 }} margin={{ top: 4, right: 4, bottom: 0, left: -12 }}>
      <CartesianGrid vertical={false} stroke="#E2E8F0" />
      <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#334155" }} interval="preserveStartEnd" minTickGap={8} />
      <YAxis domain={[0, ticks.at(-1)!]} ticks={ticks} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={{ fontSize: 12, fill: "#334155" }} />
      <Tooltip
        cursor={{ fill: "#F1F5F9" }}
        labelFormatter={(label) => `Week of ${label}`}
        formatter={(_value, _name, item) => [(item.payload as Row).text, "Flagged off-plan"]}
      />
      <Bar dataKey="share" name="Flagged off-plan" fill="#B45309" isAnimationActive={false} />
    </BarChart>
  );
}
