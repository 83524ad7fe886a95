import { DEFAULT_ALERT_RULES, type AlertRules } from "./alert-rules";
import { NEEDLE_LENGTHS_MM, SCREENING_ITEMS, formatMm, screeningItemLabel, type ScreeningClass, type ScreeningItemCode } from "./clinical";

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
  /** An approval needs a screening at most this old (or one recorded since the previous approval). */
  screeningValidityDays: number;
  /** Redness lasting more than 48 hours after a session adds this many days before the next one there. */
  rednessExtraSpacingDays: number;
};

export const DEFAULT_INTERVAL_FLOORS: IntervalFloor[] = [
  { upToMm: 0.3, minDays: 2 },
  { upToMm: 0.5, minDays: 7 },
  { upToMm: 0.75, minDays: 14 },
  { upToMm: 1.0, minDays: 28 },
];

export const DEFAULT_SCREENING_VALIDITY_DAYS = 90;
export const DEFAULT_REDNESS_EXTRA_SPACING_DAYS = 7;
export const DEFAULT_ISOTRETINOIN_LOOKBACK_MONTHS = 6;

export function defaultClinicSettings(): ClinicSettings {
  return {
    screeningClasses: Object.fromEntries(SCREENING_ITEMS.map((i) => [i.code, i.defaultClass])) as Record<
      ScreeningItemCode,
      ScreeningClass
    >,
    intervalFloors: DEFAULT_INTERVAL_FLOORS.map((f) => ({ ...f })),
    isotretinoinLookbackMonths: DEFAULT_ISOTRETINOIN_LOOKBACK_MONTHS,
    alertRules: { ...DEFAULT_ALERT_RULES, persistentSymptoms: [...DEFAULT_ALERT_RULES.persistentSymptoms] },
    screeningValidityDays: DEFAULT_SCREENING_VALIDITY_DAYS,
    rednessExtraSpacingDays: DEFAULT_REDNESS_EXTRA_SPACING_DAYS,
  };
}

/** The floor for a length: the first bracket that covers it (the longest bracket beyond the last). */
export function intervalFloorFor(longestMm: number, floors: IntervalFloor[]): number {
  const sorted = [...floors].sort((a, b) => a.upToMm - b.upToMm);
  const bracket = sorted.find((f) => longestMm <= f.upToMm + 1e-9) ?? sorted.at(-1);
  return bracket?.minDays ?? 1;
}

/** Screening items that always block, whatever a clinic prefers (DOMAIN.md's absolute contraindications). */
export const ALWAYS_BLOCK_ITEMS: readonly ScreeningItemCode[] = ["pregnancy", "active_infection", "isotretinoin"];

export type SettingsLoosening = { rule: string; path: string; message: string };

/**
 * Clinics may tighten DOMAIN.md's defaults, never loosen them: each loosening is named so the
 * refusal says what would have become less safe.
 */
export function findLoosening(settings: ClinicSettings): SettingsLoosening[] {
  const found: SettingsLoosening[] = [];
  for (const item of ALWAYS_BLOCK_ITEMS) {
    if (settings.screeningClasses[item] !== "block") {
      found.push({ rule: "screening_always_blocks", path: `screeningClasses.${item}`, message: `${screeningItemLabel(item)} always blocks approval.` });
    }
  }
  for (const mm of NEEDLE_LENGTHS_MM) {
    const minimum = intervalFloorFor(mm, DEFAULT_INTERVAL_FLOORS);
    if (intervalFloorFor(mm, settings.intervalFloors) < minimum) {
      found.push({ rule: "interval_floor_below_minimum", path: "intervalFloors", message: `The floor for ${formatMm(mm)} mm cannot be below ${minimum} days.` });
      break;
    }
  }
  if (settings.isotretinoinLookbackMonths < DEFAULT_ISOTRETINOIN_LOOKBACK_MONTHS) {
    found.push({ rule: "isotretinoin_lookback_shortened", path: "isotretinoinLookbackMonths", message: `The isotretinoin lookback cannot be shorter than ${DEFAULT_ISOTRETINOIN_LOOKBACK_MONTHS} months.` });
  }
  const rules = settings.alertRules;
  if (rules.severeGrade > DEFAULT_ALERT_RULES.severeGrade) {
    found.push({ rule: "severe_alert_weakened", path: "alertRules.severeGrade", message: "Grade 3 always raises a high alert." });
  }
  if (rules.infectionGrade > DEFAULT_ALERT_RULES.infectionGrade) {
    found.push({ rule: "infection_alert_weakened", path: "alertRules.infectionGrade", message: "Any sign of infection always raises a high alert." });
  }
  const persistentKept = DEFAULT_ALERT_RULES.persistentSymptoms.every((s) => rules.persistentSymptoms.includes(s));
  if (!persistentKept || rules.persistentGrade > DEFAULT_ALERT_RULES.persistentGrade || rules.persistentHours > DEFAULT_ALERT_RULES.persistentHours) {
    found.push({
      rule: "persistent_alert_weakened",
      path: "alertRules.persistentSymptoms",
      message: "Redness or swelling still present more than 72 hours after a session always raises a high alert.",
    });
  }
  if (settings.screeningValidityDays > DEFAULT_SCREENING_VALIDITY_DAYS) {
    found.push({ rule: "screening_validity_lengthened", path: "screeningValidityDays", message: `A screening is valid for at most ${DEFAULT_SCREENING_VALIDITY_DAYS} days.` });
  }
  if (settings.rednessExtraSpacingDays < DEFAULT_REDNESS_EXTRA_SPACING_DAYS) {
    found.push({ rule: "redness_spacing_shortened", path: "rednessExtraSpacingDays", message: `Prolonged redness adds at least ${DEFAULT_REDNESS_EXTRA_SPACING_DAYS} days.` });
  }
  return found;
}

/**
 * DOMAIN.md block classes a clinic may turn into review, but only in two steps: one clinician proposes
 * with a reason, a second clinician or an admin confirms within PROPOSAL_TTL_HOURS. The items in
 * ALWAYS_BLOCK_ITEMS never become review at all (findLoosening refuses them).
 */
export const TWO_STEP_BLOCK_ITEMS: readonly ScreeningItemCode[] = SCREENING_ITEMS.filter(
  (i) => i.defaultClass === "block" && !ALWAYS_BLOCK_ITEMS.includes(i.code),
).map((i) => i.code);

/** The two-step items a change turns from block (as the clinic has it now) into review. */
export function loosenedBlockClasses(before: ClinicSettings, after: ClinicSettings): ScreeningItemCode[] {
  return TWO_STEP_BLOCK_ITEMS.filter((item) => before.screeningClasses[item] === "block" && after.screeningClasses[item] === "review");
}

/** The settings with these items kept blocking: what holds while their loosening waits for confirmation. */
export function keepBlocking(settings: ClinicSettings, items: readonly string[]): ClinicSettings {
  const classes = { ...settings.screeningClasses };
  for (const item of items) if (item in classes) classes[item as ScreeningItemCode] = "block";
  return { ...settings, screeningClasses: classes };
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/** Whether two settings say the same, whatever order their keys were written in. */
export function sameSettings(a: ClinicSettings, b: ClinicSettings): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

const SETTING_LABELS = {
  intervalFloors: "Spacing floors",
  isotretinoinLookbackMonths: "Isotretinoin lookback (months)",
  alertRules: "Alert rules",
  screeningValidityDays: "Screening validity (days)",
  rednessExtraSpacingDays: "Extra spacing after redness (days)",
} as const;

const CLASS_WORDS = { block: "Block", review: "Review" } as const;

/** What a change does, one line per setting, for the settings history ("Keloid …: Block → Review"). */
export function describeSettingsChange(before: Partial<ClinicSettings>, after: Partial<ClinicSettings>): string[] {
  const lines: string[] = [];
  for (const item of SCREENING_ITEMS) {
    const from = before.screeningClasses?.[item.code];
    const to = after.screeningClasses?.[item.code];
    if (from && to && from !== to) lines.push(`${item.label}: ${CLASS_WORDS[from]} → ${CLASS_WORDS[to]}`);
  }
  for (const [key, label] of Object.entries(SETTING_LABELS) as [keyof typeof SETTING_LABELS, string][]) {
    const from = before[key];
    const to = after[key];
    if (JSON.stringify(canonical(from)) === JSON.stringify(canonical(to))) continue;
    lines.push(typeof from === "number" && typeof to === "number" ? `${label}: ${from} → ${to}` : `${label} changed`);
  }
  return lines.length ? lines : ["No change"];
}
