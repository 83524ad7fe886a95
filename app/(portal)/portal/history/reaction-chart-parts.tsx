"use client";

import type { TooltipContentProps } from "recharts";
import { areaLabel, shortSymptomLabel } from "@/lib/charts/labels";
import { PORTAL_PAUSE_LABELS, type PortalChartRow, type PortalPause } from "@/lib/charts/portal-chart";
import { symptomColor } from "@/lib/charts/symptom-colors";
import { formatMm } from "@/lib/domain/clinical";
import { gradeLabel } from "@/lib/domain/reactions";

// The chart renders only in the browser (ssr: false), so dates are in the patient's own time zone.
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" });
const momentFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

export const shortDate = (t: number) => dayFormat.format(t);

/** The colour of a paused stretch on the chart and its key. */
export const PAUSE_FILL = "#B2182B";

function describePause(pause: PortalPause): string {
  return `${PORTAL_PAUSE_LABELS[pause.reason]}: ${pause.until === null ? "still paused, do not microneedle" : `until ${momentFormat.format(pause.until)}`}`;
}

function describe(row: PortalChartRow): string {
  if (row.session) return `Session: ${areaLabel(row.session.area)}, ${formatMm(row.session.needleMm)} mm`;
  const grades = Object.entries(row.grades ?? {});
  return grades.map(([symptom, grade]) => `${shortSymptomLabel(symptom)}: ${gradeLabel(grade).toLowerCase()}`).join(", ");
}

export function ChartTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as PortalChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="max-w-60 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm shadow">
      <p className="font-medium">{momentFormat.format(row.t)}</p>
      {row.session ? (
        <p>{describe(row)}</p>
      ) : (
        Object.entries(row.grades ?? {}).map(([symptom, grade]) => (
          <p key={symptom} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block size-2.5 rounded-full" style={{ backgroundColor: symptomColor(symptom) }} />
            {shortSymptomLabel(symptom)}: {gradeLabel(grade).toLowerCase()}
          </p>
        ))
      )}
    </div>
  );
}

/** A line of coloured keys, not a list: the history below is the page's list of entries. */
export function ChartLegend({ symptoms, paused = false }: { symptoms: string[]; paused?: boolean }) {
  return (
    <p data-testid="chart-key" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
      {symptoms.map((symptom) => (
        <span key={symptom} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-3 rounded-full" style={{ backgroundColor: symptomColor(symptom) }} />
          {shortSymptomLabel(symptom)}
        </span>
      ))}
      <span className="flex items-center gap-1.5">
        <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
          <path d="M6,0 L12,11 L0,11 Z" fill="#475569" />
        </svg>
        A session
      </span>
      {paused && (
        <span className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-3" style={{ backgroundColor: PAUSE_FILL, opacity: 0.3 }} />
          Paused by your clinic
        </span>
      )}
    </p>
  );
}

/** The chart's data as a table, newest first like the history below. */
export function ChartTable({ rows, pauses = [] }: { rows: PortalChartRow[]; pauses?: PortalPause[] }) {
  // Each pause is a row at its start, among the sessions and reports, newest first.
  const entries = [...rows.map((row) => ({ t: row.t, what: describe(row) })), ...pauses.map((p) => ({ t: p.since, what: describePause(p) }))].sort((a, b) => b.t - a.t);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">Show as table</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200">
          <caption className="sr-only">Your sessions and reactions over the last 90 days</caption>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">When</th>
              <th scope="col" className="px-3 py-2 font-medium">What</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {entries.map((entry, i) => (
              <tr key={`${entry.t}-${i}`}>
                <td className="whitespace-nowrap px-3 py-2">{momentFormat.format(entry.t)}</td>
                <td className="px-3 py-2">{entry.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
