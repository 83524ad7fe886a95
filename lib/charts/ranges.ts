import type { ChartRange } from "./types";

/** The range the patient page opens on, rendered with the page; other ranges are fetched when chosen. */
export const DEFAULT_CHART_RANGE: ChartRange = "90d";

const RANGE_PHRASES: Record<ChartRange, string> = {
  "30d": "in the last 30 days",
  "90d": "in the last 90 days",
  "365d": "in the last year",
  all: "so far",
};

/** "in the last 30 days", used inside the summaries and the empty-range message. */
export function rangePhrase(range: ChartRange): string {
  return RANGE_PHRASES[range];
}

export function emptyRangeMessage(range: ChartRange): string {
  return range === "all" ? "No sessions or reactions have been recorded yet." : `No sessions or reactions ${rangePhrase(range)}.`;
}
