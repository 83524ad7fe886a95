"use client";

import { AREA_LABELS, AREAS, formatMm, NEEDLE_LENGTHS_MM, type Area } from "@/lib/domain/clinical";
import type { PlanAreaLimit } from "@/lib/domain/plan-rules";
import { GroupField } from "./group-field";

type Props = { value: PlanAreaLimit[]; onChange: (next: PlanAreaLimit[]) => void; error?: string };

/** One row per area: approve it or not, and its maximum home needle length. */
export function AreaLimitsField({ value, onChange, error }: Props) {
  const limitOf = (area: Area) => value.find((l) => l.area === area);
  const set = (area: Area, mm: number | null) => {
    const others = value.filter((l) => l.area !== area);
    onChange(mm === null ? others : AREAS.flatMap((a) => (a === area ? [{ area, maxNeedleMm: mm }] : others.filter((l) => l.area === a))));
  };
  return (
    <GroupField legend="Approved areas and maximum needle length" error={error} className="space-y-2">
      <div className="divide-y divide-slate-100 rounded-md border border-slate-300">
        {AREAS.map((area) => {
          const limit = limitOf(area);
          return (
            <div key={area} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2">
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={Boolean(limit)}
                  onChange={(e) => set(area, e.target.checked ? 0.25 : null)}
                  className="size-4 accent-brand-700"
                />
                {AREA_LABELS[area]}
              </label>
              <label className="flex items-center gap-2 text-sm">
                <span className="sr-only">Maximum needle length for {AREA_LABELS[area]}</span>
                <select
                  value={limit?.maxNeedleMm ?? ""}
                  disabled={!limit}
                  onChange={(e) => set(area, Number(e.target.value))}
                  className="rounded-md border border-slate-400 bg-white px-2 py-1 disabled:bg-slate-100 disabled:text-slate-500"
                >
                  {!limit && <option value="">Not approved</option>}
                  {NEEDLE_LENGTHS_MM.map((mm) => (
                    <option key={mm} value={mm}>
                      up to {formatMm(mm)} mm
                    </option>
                  ))}
                </select>
              </label>
            </div>
          );
        })}
      </div>
    </GroupField>
  );
}
