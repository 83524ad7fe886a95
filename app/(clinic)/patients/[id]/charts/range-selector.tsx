"use client";

import { useId } from "react";
import { CHART_RANGE_LABELS, CHART_RANGES, type ChartRange } from "@/lib/charts/types";

/**
 * Segmented buttons that are native radios underneath: arrow keys move between ranges, Tab leaves the
 * group, and screen readers announce "Time range, 90 days, selected, 2 of 4".
 */
export function RangeSelector({ value, onChange }: { value: ChartRange; onChange: (range: ChartRange) => void }) {
  const name = useId();
  return (
    <fieldset>
      <legend className="sr-only">Time range</legend>
      <div className="inline-flex flex-wrap rounded-md border border-slate-300 bg-white p-0.5">
        {CHART_RANGES.map((range) => (
          <label
            key={range}
            className="cursor-pointer rounded px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-700"
          >
            <input type="radio" name={name} value={range} checked={value === range} onChange={() => onChange(range)} className="sr-only" />
            {CHART_RANGE_LABELS[range]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
