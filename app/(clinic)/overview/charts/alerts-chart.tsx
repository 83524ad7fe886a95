"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

type Row = { label: string; raised: number; resolved: number };

/** Raised in red, resolved in the brand teal: the two columns of the table, week by week. */
export function AlertsChart({ rows }: { rows: Row[] }) {
  return (
    <BarChart responsive accessibilityLayer data={rows} style={{ width: "100%", height: 220 }} margin={{ top: 4, right: 4, bottom: 0, left: -20 }}>
      <CartesianGrid vertical={false} stroke="#E2E8F0" />
      <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#334155" }} interval="preserveStartEnd" minTickGap={8} />
      <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} />
      <Tooltip cursor={{ fill: "#F1F5F9" }} labelFormatter={(label) => `Week of ${label}`} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="raised" name="Raised" fill="#B91C1C" isAnimationActive={false} />
      <Bar dataKey="resolved" name="Resolved" fill="#0F766E" isAnimationActive={false} />
    </BarChart>
  );
}
