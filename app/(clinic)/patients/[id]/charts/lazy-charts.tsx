"use client";

import dynamic from "next/dynamic";
import { ChartSkeleton } from "./chart-parts";

/**
 * The recharts leaves, loaded in the browser only, so recharts stays out of the first load of every
 * other page and out of the server render (a chart needs the measured width anyway).
 */
const loaders = {
  timeline: () => import("./reaction-timeline-chart"),
  needle: () => import("./needle-limit-chart"),
  healing: () => import("./healing-chart"),
  adherence: () => import("./adherence-chart"),
};

// Start fetching as soon as this page's script runs rather than when hydration reaches the charts:
// on a busy patient page that is seconds earlier. The bundler caches each import, so nothing loads twice.
if (typeof window !== "undefined") for (const load of Object.values(loaders)) void load();

const loading = () => <ChartSkeleton />;

export const ReactionTimelineChart = dynamic(loaders.timeline, { ssr: false, loading });
export const NeedleLimitChart = dynamic(loaders.needle, { ssr: false, loading });
export const HealingChart = dynamic(loaders.healing, { ssr: false, loading });
export const AdherenceChart = dynamic(loaders.adherence, { ssr: false, loading });
