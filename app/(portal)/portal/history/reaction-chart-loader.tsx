"use client";

import { lazy, Suspense } from "react";
import { BrowserOnly } from "@/app/_components/browser-only";
import type { PortalChartData } from "@/lib/charts/portal-chart";

/**
 * Recharts loads only here, after the page is usable, so it never counts towards the portal's
 * first-load JavaScript (kept under 150 kB gzip). React.lazy rather than next/dynamic, whose loader
 * adds about 1.5 kB gzip to the page; the server renders the placeholder, as `ssr: false` would.
 */
const ReactionChart = lazy(() => import("./reaction-chart").then((m) => ({ default: m.ReactionChart })));

function ChartPlaceholder() {
  return <div role="status" aria-label="Loading your chart" className="h-56 animate-pulse rounded bg-slate-100" />;
}

export function ReactionChartLoader({ data }: { data: PortalChartData }) {
  if (data.rows.length === 0) return null;
  return (
    <BrowserOnly fallback={<ChartPlaceholder />}>
      <Suspense fallback={<ChartPlaceholder />}>
        <ReactionChart data={data} />
      </Suspense>
    </BrowserOnly>
  );
}
