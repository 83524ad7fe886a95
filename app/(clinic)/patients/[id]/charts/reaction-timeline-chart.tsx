"use client";

import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useClinicFormatter } from "@/app/_components/clinic-time";
import { areaLabel, shortSymptomLabel } from "@/lib/charts/labels";
import { symptomColor } from "@/lib/charts/symptom-colors";
import { isOffPlan, occurredSymptoms, plottedGrade, SESSION_LANE, timeDomain, timelineRows, timeTicks, type TimelineRow } from "@/lib/charts/timeline";
import type { PatientCharts } from "@/lib/charts/types";
import { formatMm } from "@/lib/domain/clinical";
import { gradeLabel } from "@/lib/domain/reactions";
import { FLAG_LABELS } from "@/lib/domain/session-flags";
import { axisTick, CHART_HEIGHT, LineLegend, SessionLegend, sessionDot, timeTickFormatter, TooltipBox } from "./chart-parts";

const SESSION_COLOR = "#334155";

/** Reaction grades per symptom over time, with sessions as markers in a lane under "none". */
export default function ReactionTimelineChart({ data }: { data: PatientCharts }) {
  const formatTime = useClinicFormatter();
  const domain = timeDomain(data);
  const rows = timelineRows(data);
  const symptoms = occurredSymptoms(data.reactions);

  return (
    <div className="space-y-2">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <ComposedChart data={rows} accessibilityLayer margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="t" type="number" scale="time" domain={domain} ticks={timeTicks(domain, 4)} tickFormatter={timeTickFormatter(domain)} tick={axisTick} />
          <YAxis
            domain={[SESSION_LANE - 0.4, 3.2]}
            ticks={[SESSION_LANE, 0, 1, 2, 3]}
            tickFormatter={(v: number) => (v === SESSION_LANE ? "Session" : gradeLabel(v))}
            tick={axisTick}
            width={68}
          />
          <Tooltip
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as TimelineRow | undefined;
              if (!active || !row) return null;
              if (row.session) {
                const { session } = row;
                return (
                  <TooltipBox title={formatTime(session.performedAt)}>
                    <p>
                      Session · {areaLabel(session.area)} · {formatMm(session.needleMm)} mm
                    </p>
                    <p>{isOffPlan(session) ? `Off plan: ${session.flags.map((f) => FLAG_LABELS[f]).join(", ")}` : "Within plan"}</p>
                  </TooltipBox>
                );
              }
              return (
                <TooltipBox title={`Reaction · ${formatTime(row.reaction!.reportedAt)}`}>
                  {row.reaction!.symptoms.map((s) => (
                    <p key={s.symptom}>
                      {shortSymptomLabel(s.symptom)}: {gradeLabel(s.grade).toLowerCase()} ({s.grade})
                    </p>
                  ))}
                </TooltipBox>
              );
            }}
          />
          {symptoms.map((symptom) => (
            <Line
              key={symptom}
              name={shortSymptomLabel(symptom)}
              dataKey={(row: TimelineRow) => plottedGrade(row, symptom)}
              stroke={symptomColor(symptom)}
              strokeWidth={2}
              dot={{ r: 3, fill: symptomColor(symptom), strokeWidth: 0 }}
              isAnimationActive={false}
            />
          ))}
          <Line
            name="Sessions"
            dataKey="marker"
            stroke="none"
            isAnimationActive={false}
            activeDot={false}
            dot={sessionDot(SESSION_COLOR, "session-marker")}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <LineLegend items={symptoms.map((symptom) => ({ key: symptom, color: symptomColor(symptom), label: shortSymptomLabel(symptom) }))} />
      <SessionLegend />
    </div>
  );
}
