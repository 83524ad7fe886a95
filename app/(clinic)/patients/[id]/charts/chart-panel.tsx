"use client";

import clsx from "clsx";
import { useState, type ReactNode } from "react";
import { buttonClasses } from "@/app/_components/ui/button";

/**
 * One chart with its title, its one-sentence summary and a "Show as table" toggle. The table is always
 * in the page (hidden on screen until asked for) so printing shows values rather than a blank canvas.
 */
export function ChartPanel({ id, title, summary, chart, table }: { id: string; title: string; summary: string; chart: ReactNode; table: ReactNode }) {
  const [asTable, setAsTable] = useState(false);
  return (
    <section aria-labelledby={`${id}-title`} className="min-w-0 rounded-md border border-slate-200 p-3" data-testid={`chart-${id}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`${id}-title`} className="font-semibold">
          {title}
        </h3>
        <button
          type="button"
          aria-controls={`${id}-table`}
          onClick={() => setAsTable((v) => !v)}
          className={buttonClasses("secondary", "min-h-8 px-3 py-1 text-xs print:hidden")}
        >
          {asTable ? "Show as chart" : "Show as table"}
        </button>
      </div>
      <p className="mt-1 text-sm text-slate-700">{summary}</p>
      {/* Unmounted rather than hidden: a chart measured at zero width draws nothing and warns. */}
      {!asTable && <div className="mt-3 print:hidden">{chart}</div>}
      <div id={`${id}-table`} className={clsx("mt-3", !asTable && "hidden print:block")}>
        {table}
      </div>
    </section>
  );
}
