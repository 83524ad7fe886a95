"use client";

import type { ReactNode } from "react";
import { labelLevel } from "@/lib/charts/timeline";

/**
 * Pieces the four recharts leaves share. Nothing here imports recharts at run time, so the container
 * and tables can use it without pulling the chart library into the page's first load.
 */

/** Height that leaves room for axes and a legend on a 390 px phone. */
export const CHART_HEIGHT = 240;

/** One colour per body area for needle and adherence series; shapes and labels carry the meaning too. */
const AREA_COLORS: Record<string, string> = {
  face: "#0072B2",
  neck: "#007A5A",
  decolletage: "#B0417F",
  scalp: "#A35F00",
  hands: "#5E3C99",
  body: "#4D4D4D",
};

export function areaColor(area: string): string {
  return AREA_COLORS[area] ?? "#475569";
}

const tickFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric" });

/** Axis ticks as "12 Mar" in the reader's zone: chart leaves render only in the browser. */
export function shortDate(t: number | string): string {
  return tickFormat.format(new Date(t));
}

/** Ticks for a time axis: "12 Mar" within a season, "Mar 2025" once the axis spans most of a year. */
export function timeTickFormatter([from, to]: [number, number]): (t: number) => string {
  return to - from > 200 * 86_400_000 ? (t) => monthFormat.format(new Date(t)) : shortDate;
}

const weekFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** A week's Monday (a YYYY-MM-DD calendar date) as "9 Jun", never shifted by the reader's zone. */
export function weekDate(week: string): string {
  return weekFormat.format(new Date(`${week}T00:00:00Z`));
}

export const axisTick = { fontSize: 12, fill: "#334155" };

/**
 * A session on a time axis: a filled circle within plan; an open triangle with an "off plan" label when
 * any flag was raised, so the difference never rests on colour alone. The test id lets specs count markers.
 */
export const sessionIsOffPlan = (payload: unknown) => {
  const session = (payload as { session?: { flags: readonly string[] } } | undefined)?.session;
  return !!session && session.flags.length > 0;
};

export function SessionMarker({ cx, cy, offPlan, color, testId, labelLevel = 0 }: { cx?: number; cy?: number; offPlan: boolean; color: string; testId: string; labelLevel?: number }) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  return offPlan ? (
    <g data-testid={testId} data-off-plan="true">
      <path d={`M${cx},${cy - 7} L${cx + 7},${cy + 5} L${cx - 7},${cy + 5} Z`} fill="#fff" stroke="#B2182B" strokeWidth={2} />
      <text x={cx} y={cy - 10 - labelLevel * 11} textAnchor="middle" fontSize={10} fill="#7F0000">
        off plan
      </text>
    </g>
  ) : (
    <g data-testid={testId} data-off-plan="false">
      <circle cx={cx} cy={cy} r={5} fill={color} stroke="#fff" strokeWidth={1} />
    </g>
  );
}

/** The legend entries for the two session shapes, drawn as HTML so they read well at any width. */
type DotProps = { cx?: number; cy?: number; payload?: unknown; index: number; points: ReadonlyArray<{ x: number | null; payload?: unknown }> };

/** The `dot` of a sessions line: a marker per session, off-plan ones labelled without overlapping. */
export function sessionDot(color: string, testId: string) {
  function SessionDot(p: DotProps) {
    return (
      <SessionMarker
        cx={p.cx}
        cy={p.cy}
        offPlan={sessionIsOffPlan(p.payload)}
        labelLevel={labelLevel(p.points, p.index, sessionIsOffPlan)}
        color={color}
        testId={testId}
      />
    );
  }
  return SessionDot;
}

export function SessionLegend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      <li className="flex items-center gap-1">
        <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true">
          <circle r={5} fill="#334155" />
        </svg>
        Session within plan
      </li>
      <li className="flex items-center gap-1">
        <svg width="14" height="12" viewBox="-7 -7 14 13" aria-hidden="true">
          <path d="M0,-6 L6,5 L-6,5 Z" fill="#fff" stroke="#B2182B" strokeWidth={2} />
        </svg>
        Session off plan
      </li>
    </ul>
  );
}

/** The tooltip box every chart uses: a heading line and exact values. */
/** A key of coloured line swatches under a chart (colour is never the only cue: each has its label). */
export function LineLegend({ items, children }: { items: { key: string; color: string; label: string }[]; children?: ReactNode }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-1">
          <span className="inline-block h-0.5 w-4" style={{ backgroundColor: item.color }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
      {children}
    </ul>
  );
}

export function TooltipBox({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="max-w-64 rounded-md border border-slate-300 bg-white px-3 py-2 text-xs text-slate-900 shadow-md">
      <p className="font-medium">{title}</p>
      <div className="mt-1 space-y-0.5">{children}</div>
    </div>
  );
}

/** A placeholder the size of a chart, while its leaf (and recharts) loads. */
export function ChartSkeleton() {
  return <div className="animate-pulse rounded bg-slate-100" style={{ height: CHART_HEIGHT }} aria-hidden="true" />;
}
