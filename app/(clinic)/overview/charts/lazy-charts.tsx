"use client";

import dynamic from "next/dynamic";

/**
 * The overview's recharts leaves, loaded in the browser once the page is interactive, so recharts
 * (about 100 kB gzip) stays out of the overview's first load (the clinic budget is 250 kB gzip). A
 * chart needs its measured width anyway: the server sends a placeholder of about the chart's height.
 */
const placeholder = (height: number) =>
  function ChartPlaceholder() {
    return <div className="animate-pulse rounded bg-slate-100" style={{ height }} aria-hidden="true" />;
  };

export const AlertsChart = dynamic(() => import("./alerts-chart").then((m) => m.AlertsChart), { ssr: false, loading: placeholder(220) });
export const OffPlanChart = dynamic(() => import("./off-plan-chart").then((m) => m.OffPlanChart), { ssr: false, loading: placeholder(200) });
export const PlansChart = dynamic(() => import("./plans-chart").then((m) => m.PlansChart), { ssr: false, loading: placeholder(200) });
export const ReactionsChart = dynamic(() => import("./reactions-chart").then((m) => m.ReactionsChart), { ssr: false, loading: placeholder(160) });
