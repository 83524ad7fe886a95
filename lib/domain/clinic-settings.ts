import { DEFAULT_ALERT_RULES, type AlertRules } from "./alert-rules";
import { SCREENING_ITEMS, type ScreeningClass, type ScreeningItemCode } from "./clinical";

/**
 * Minimum days between sessions in one area, by the longest approved length: each entry applies to
 * lengths up to and including `upToMm`. DOMAIN.md defaults; each clinic may edit them.
 */
export type IntervalFloor = { upToMm: number; minDays: number };

export type ClinicSettings = {
  screeningClasses: Record<ScreeningItemCode, ScreeningClass>;
  intervalFloors: IntervalFloor[];
  isotretinoinLookbackMonths: number;
  alertRules: AlertRules;
};

export const DEFAULT_INTERVAL_FLOORS: IntervalFloor[] = [
  { upToMm: 0.3, minDays: 2 },
  { upToMm: 0.5, minDays: 7 },
  { upToMm: 0.75, minDays: 14 },
  { upToMm: 1.0, minDays: 28 },
];

export function defaultClinicSettings(): ClinicSettings {
  return {
    screeningClasses: Object.fromEntries(SCREENING_ITEMS.map((i) => [i.code, i.defaultClass])) as Record<
      ScreeningItemCode,
      ScreeningClass
    >,
    intervalFloors: DEFAULT_INTERVAL_FLOORS.map((f) => ({ ...f })),
    isotretinoinLookbackMonths: 6,
    alertRules: { ...DEFAULT_ALERT_RULES, persistentSymptoms: [...DEFAULT_ALERT_RULES.persistentSymptoms] },
  };
}

/** The floor for a plan's longest length: the first bracket that covers it. */
export function intervalFloorFor(longestMm: number, floors: IntervalFloor[]): number {
  const sorted = [...floors].sort((a, b) => a.upToMm - b.upToMm);
  const bracket = sorted.find((f) => longestMm <= f.upToMm + 1e-9) ?? sorted.at(-1);
  return bracket?.minDays ?? 1;
}
