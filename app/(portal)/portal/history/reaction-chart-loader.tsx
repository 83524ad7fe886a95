"use client";

import dynamic from "next/dynamic";
import type { PortalChartData } from "@/lib/charts/portal-chart";

/**
 * Recharts loads only here, after the page is usable, so it never counts towards the portal's
 * first-load JavaScript (kept under 150 kB gzip). `ssr: false` is allowed only in a client module.
 */
const ReactionChart = dynamic(() => import("./reaction-chart").then((m) => m.ReactionChart), {
  ssr: false,
  loading: () => <div role="status" aria-label="Loading your chart" className="h-56 animate-pulse rounded bg-slate-100" />,
});

export function ReactionChartLoader({ data }: { data: PortalChartData }) {
  if (data.rows.length === 0) return null;
  return <ReactionChart data={data} />;
}
