"use client";

import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import type { PlanStatusKey } from "@/lib/charts/overview-shape";

/** The roster badges' tones (success, neutral, warning, danger), dark enough for 3:1 against white. */
const STATUS_COLORS: Record<PlanStatusKey, string> = {
  approved: "#15803D",
  pending: "#64748B",
  suspended: "#B45309",
  expired: "#92400E",
  denied: "#B91C1C",
};

type Row = { status: PlanStatusKey; label: string; count: number };

export function PlansChart({ rows }: { rows: Row[] }) {
  return (
    <BarChart responsive accessibilityLayer data={rows} layout="vertical" style={{ width: "100%", height: 200 }} margin={{ top: 0, right: 36, bottom: 0, left: 0 }}>
      <CartesianGrid horizontal={false} stroke="#E2E8F0" />
      <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} />
      <YAxis type="category" dataKey="label" width={84} tick={{ fontSize: 12, fill: "#334155" }} />
      <Tooltip cursor={{ fill: "#F1F5F9" }} />
      <Bar
        dataKey="count"
        name="Patients"
        isAnimationActive={false}
        shape={(props: BarShapeProps) => <Rectangle {...props} fill={STATUS_COLORS[(props.payload as Row).status]} />}
      >
        <LabelList dataKey="count" position="right" fill="#0F172A" fontSize={12} />
      </Bar>
    </BarChart>
  );
}
