import { topLevelField, type PlacedIssue } from "@/lib/client/use-schema-form";

/** Every error key a field or notice of the plan editor shows next to what it is about. */
const PLACED = new Set([
  "areas",
  "minIntervalDays",
  "intervalOverrideReason",
  "reviewBy",
  "instructions",
  "contraindicationOverride",
  "overriddenItems",
  "acknowledgedReviewItems",
  "confirmLongNeedle",
  "screening",
  "screeningStale",
  "reason",
]);

export function isPlaced(key: string): boolean {
  return PLACED.has(key);
}

/**
 * Where a rule's message is shown: under its top-level field as the rules and the server name it
 * (`areas.1.maxNeedleMm` under the areas), except a stale screening, which shares the path `screening`
 * with a missing one but has its own notice.
 */
export function planFieldOf(issue: PlacedIssue): string {
  return issue.rule === "screening_stale" ? "screeningStale" : topLevelField(issue);
}
