import type { ScreeningItemCode } from "@/lib/domain/clinical";

export { STANDARD_INSTRUCTIONS } from "@/lib/domain/instructions";

export const DEMO_TEMPLATES = [
  { name: "Face starter (0.25 mm)", areas: [{ area: "face", maxNeedleMm: 0.25 }], minIntervalDays: 3 },
  { name: "Face and neck (0.5 / 0.25 mm)", areas: [{ area: "face", maxNeedleMm: 0.5 }, { area: "neck", maxNeedleMm: 0.25 }], minIntervalDays: 7 },
  { name: "Scalp (0.5 mm)", areas: [{ area: "scalp", maxNeedleMm: 0.5 }], minIntervalDays: 7 },
];

/** A clinical story for a demo patient, told in days relative to the day the seed runs. */
export type DemoHistory = {
  /** Screening "yes" answers, with the date offset (days ago) where one applies. */
  screeningYes?: { item: ScreeningItemCode; daysAgo?: number }[];
  screenedDaysAgo: number;
  plans: {
    decision: "approved" | "denied" | "suspended";
    decidedDaysAgo: number;
    areas?: { area: string; maxNeedleMm: number }[];
    minIntervalDays?: number;
    /** Review date in days from today (negative: already past, so the plan is expired). */
    reviewInDays?: number;
    reason?: string;
    contraindicationOverride?: string;
  }[];
};

/** Named patients' histories (by MRN), pinned by the issues. */
export const NAMED_HISTORIES: Record<string, DemoHistory> = {
  // Jordan Lee: clean screening, approved v1 by Dr. Rivera: face 0.5, neck 0.25, every 7 days, review in 90 days.
  "NS-100001": {
    screenedDaysAgo: 96,
    plans: [{ decision: "approved", decidedDaysAgo: 95, areas: [{ area: "face", maxNeedleMm: 0.5 }, { area: "neck", maxNeedleMm: 0.25 }], minIntervalDays: 7, reviewInDays: 90 }],
  },
  // Priya Patel: isotretinoin stopped about 4 months ago; no decision yet.
  "NS-100002": { screenedDaysAgo: 2, screeningYes: [{ item: "isotretinoin", daysAgo: 122 }], plans: [] },
  "SB-200001": {
    screenedDaysAgo: 40,
    plans: [{ decision: "approved", decidedDaysAgo: 39, areas: [{ area: "face", maxNeedleMm: 0.25 }], minIntervalDays: 3, reviewInDays: 120 }],
  },
};

/** A spread of statuses over the generated patients, by their position in the generated list. */
export const GENERATED_HISTORIES: (DemoHistory | null)[] = [
  { screenedDaysAgo: 80, plans: [{ decision: "approved", decidedDaysAgo: 79, areas: [{ area: "face", maxNeedleMm: 0.25 }], minIntervalDays: 3, reviewInDays: 100 }] },
  { screenedDaysAgo: 70, screeningYes: [{ item: "rosacea" }], plans: [{ decision: "approved", decidedDaysAgo: 69, areas: [{ area: "neck", maxNeedleMm: 0.25 }, { area: "decolletage", maxNeedleMm: 0.25 }], minIntervalDays: 3, reviewInDays: 20 }] },
  { screenedDaysAgo: 60, plans: [{ decision: "approved", decidedDaysAgo: 59, areas: [{ area: "scalp", maxNeedleMm: 0.5 }], minIntervalDays: 7, reviewInDays: 200 }] },
  {
    screenedDaysAgo: 90,
    plans: [
      { decision: "approved", decidedDaysAgo: 89, areas: [{ area: "face", maxNeedleMm: 0.5 }], minIntervalDays: 7, reviewInDays: 60 },
      { decision: "suspended", decidedDaysAgo: 12, reason: "Reported infection (pus and warmth) three days after a session; suspended until reviewed in clinic." },
    ],
  },
  { screenedDaysAgo: 50, screeningYes: [{ item: "active_acne" }], plans: [{ decision: "denied", decidedDaysAgo: 49, reason: "Active inflammatory acne on the cheeks; treat the acne first and re-screen in 3 months." }] },
  { screenedDaysAgo: 200, plans: [{ decision: "approved", decidedDaysAgo: 199, areas: [{ area: "face", maxNeedleMm: 0.25 }], minIntervalDays: 3, reviewInDays: -9 }] },
  null,
  { screenedDaysAgo: 30, screeningYes: [{ item: "pregnancy" }], plans: [{ decision: "denied", decidedDaysAgo: 29, reason: "Pregnant; home microneedling deferred until after breastfeeding." }] },
  { screenedDaysAgo: 45, plans: [{ decision: "approved", decidedDaysAgo: 44, areas: [{ area: "face", maxNeedleMm: 0.75 }], minIntervalDays: 14, reviewInDays: 140 }] },
  null,
  { screenedDaysAgo: 300, plans: [{ decision: "approved", decidedDaysAgo: 299, areas: [{ area: "hands", maxNeedleMm: 0.25 }], minIntervalDays: 3, reviewInDays: -30 }] },
  { screenedDaysAgo: 5, plans: [] },
];
