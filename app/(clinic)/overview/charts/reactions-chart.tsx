"use client";

import { Bar, BarChart, CartesianGrid, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps, type YAxisTickContentProps } from "recharts";
import { symptomColor } from "@/lib/charts/symptom-colors";
import { gradeLabel } from "@/lib/domain/reactions";

export type ReactionsChartRow = { symptom: string; label: string; total: number; [grade: `g${number}`]: number };

/** Milder grades are lighter shades of the symptom's own colour; the tooltip and table give exact counts. */
const GRADE_OPACITY: Record<number, number> = { 0: 0.2, 1: 0.4, 2: 0.7, 3: 1 };
const opacityOf = (grade: number) => GRADE_OPACITY[grade] ?? 1;

export function ReactionsChart({ rows, grades }: { rows: ReactionsChartRow[]; grades: number[] }) {
  const height = Math.max(120, rows.length * 34 + 40);
  const bySymptomLabel = new Map(rows.map((r) => [r.label, r.symptom]));
  return (
    <div className="space-y-2">
      <BarChart responsive accessibilityLayer data={rows} layout="vertical" style={{ width: "100%", height }} margin={{ top: 0, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid horizontal={false} stroke="#E2E8F0" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#334155" }} />
        <YAxis
          type="category"
          dataKey="label"
          width={124}
          tickLine={false}
          tick={({ x, y, payload }: YAxisTickContentProps) => (
            <g transform={`translate(${x},${y})`}>
              <rect x={-120} y={-5} width={10} height={10} rx={2} fill={symptomColor(bySymptomLabel.get(String(payload.value)) ?? "")} />
              <text x={-106} y={4} fontSize={12} fill="#334155">
                {payload.value}
              </text>
            </g>
          )}
        />
        <Tooltip cursor={{ fill: "#F1F5F9" }} content={(props) => <SymptomTooltip {...props} grades={grades} />} />
        {grades.map((grade) => (
          <Bar
            key={grade}
            dataKey={`g${grade}`}
            name={gradeLabel(grade)}
            stackId="grades"
            isAnimationActive={false}
            stroke="#FFFFFF"
            shape={(props: BarShapeProps) => <Rectangle {...props} fill={symptomColor((props.payload as ReactionsChartRow).symptom)} fillOpacity={opacityOf(grade)} />}
          />
        ))}
      </BarChart>
      <p className="flex flex-wrap items-center gap-3 text-xs text-slate-700" aria-hidden="true">
        Shade by grade:
        {grades.map((grade) => (
          <span key={grade} className="inline-flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm bg-slate-700" style={{ opacity: opacityOf(grade) }} />
            {gradeLabel(grade)}
          </span>
        ))}
      </p>
    </div>
  );
}

function SymptomTooltip({ active, payload, grades }: Pick<TooltipContentProps, "active" | "payload"> & { grades: number[] }) {
  const row = payload?.[0]?.payload as ReactionsChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm shadow">
      <p className="font-medium" style={{ color: symptomColor(row.symptom) }}>
        {row.label}: {row.total}
      </p>
      {grades.map((grade) => (
        <p key={grade} className="text-slate-800">
          {gradeLabel(grade)}: {row[`g${grade}`] ?? 0}
        </p>
      ))}
    </div>
  );
}
