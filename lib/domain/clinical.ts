/**
 * The clinical vocabulary of home microneedling plans (see shared DOMAIN.md). Figures that sources
 * disagree on are defaults a clinic may edit (lib/domain/clinic-settings.ts); the 1.0 mm ceiling is not.
 */

export const AREAS = ["face", "neck", "decolletage", "scalp", "hands", "body"] as const;
export type Area = (typeof AREAS)[number];

export const AREA_LABELS: Record<Area, string> = {
  face: "Face",
  neck: "Neck",
  decolletage: "Décolletage",
  scalp: "Scalp",
  hands: "Hands",
  body: "Body",
};

/** The discrete home lengths, in mm. Home plans never exceed 1.0 mm: a hard limit, not a setting. */
export const NEEDLE_LENGTHS_MM = [0.2, 0.25, 0.3, 0.5, 0.75, 1.0] as const;
export const HOME_MAX_NEEDLE_MM = 1.0;
/** Above this length the clinician confirms explicitly. */
export const CONFIRM_ABOVE_MM = 0.5;
/**
 * A reported session is a fact and is stored up to this length (a clinic pen used at home); only a
 * longer one is an impossible value.
 */
export const MAX_REPORTABLE_NEEDLE_MM = 5;

/**
 * The longest length vendor depth charts give as typical at home for each area (DOMAIN.md; guidance,
 * not rules): cheeks, chin and jaw take 1.0 mm, thin skin (neck, décolletage, scalp at home, hands)
 * 0.5 mm, and body work from 1.0 mm belongs in the clinic.
 */
export const TYPICAL_MAX_MM: Record<Area, number> = {
  face: 1.0,
  neck: 0.5,
  decolletage: 0.5,
  scalp: 0.5,
  hands: 0.5,
  body: 0.75,
};

export function typicalMaxMm(area: string): number | null {
  return (TYPICAL_MAX_MM as Record<string, number>)[area] ?? null;
}

/** Lengths the clinician must confirm: above 0.5 mm, or above the typical depth for the area. */
export function needsLongNeedleConfirmation(areas: { area: string; maxNeedleMm: number }[]): boolean {
  return areas.some((a) => a.maxNeedleMm > CONFIRM_ABOVE_MM + 1e-9 || a.maxNeedleMm > (typicalMaxMm(a.area) ?? Infinity) + 1e-9);
}

/** 1 → "1.0", 0.25 → "0.25": lengths as clinicians write them. */
export function formatMm(mm: number): string {
  return Number.isInteger(mm) ? mm.toFixed(1) : String(mm);
}

export function isHomeNeedleLength(mm: number): boolean {
  return NEEDLE_LENGTHS_MM.some((allowed) => Math.abs(allowed - mm) < 1e-9);
}

export const DEVICES = ["roller", "pen", "stamp"] as const;
export type Device = (typeof DEVICES)[number];

export const PLAN_DECISIONS = ["approved", "denied", "suspended"] as const;
export type PlanDecision = (typeof PLAN_DECISIONS)[number];

export const PLAN_STATUSES = ["pending", "approved", "denied", "suspended", "expired"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const SCREENING_CLASSES = ["block", "review"] as const;
export type ScreeningClass = (typeof SCREENING_CLASSES)[number];

export const SCREENING_ITEMS = [
  { code: "pregnancy", label: "Pregnancy or breastfeeding", defaultClass: "block" },
  { code: "isotretinoin", label: "Oral isotretinoin now or within the lookback period", defaultClass: "block", dateLabel: "Last dose" },
  { code: "active_infection", label: "Active skin infection, or herpes simplex outbreak / frequent cold sores", defaultClass: "block" },
  { code: "active_acne", label: "Active inflammatory acne in the treatment area", defaultClass: "block" },
  { code: "eczema_psoriasis", label: "Eczema, psoriasis or dermatitis in the area", defaultClass: "review" },
  { code: "rosacea", label: "Rosacea", defaultClass: "review" },
  { code: "keloid", label: "Keloid or hypertrophic scarring history", defaultClass: "block" },
  { code: "anticoagulants", label: "Anticoagulants / antiplatelets, bleeding or clotting disorder", defaultClass: "review" },
  { code: "diabetes_wound_healing", label: "Uncontrolled diabetes or poor wound healing", defaultClass: "review" },
  { code: "cardiac", label: "Cardiac abnormality (e.g. pacemaker)", defaultClass: "review" },
  { code: "collagen_vascular", label: "Collagen vascular / autoimmune disease (scleroderma, lupus)", defaultClass: "block" },
  { code: "immunosuppression", label: "Immunosuppression, chemotherapy or radiotherapy", defaultClass: "block" },
  { code: "skin_cancer", label: "Skin cancer, actinic keratoses, raised moles in the area", defaultClass: "block" },
  { code: "metal_allergy", label: "Metal (nickel) allergy", defaultClass: "review" },
  { code: "recent_procedure", label: "Recent peel, laser, filler, surgery or sunburn in the area (30 days)", defaultClass: "review", dateLabel: "Date" },
] as const satisfies readonly { code: string; label: string; defaultClass: ScreeningClass; dateLabel?: string }[];

export type ScreeningItemCode = (typeof SCREENING_ITEMS)[number]["code"];
export const SCREENING_ITEM_CODES = SCREENING_ITEMS.map((i) => i.code) as [ScreeningItemCode, ...ScreeningItemCode[]];

export function screeningItemLabel(code: ScreeningItemCode): string {
  return SCREENING_ITEMS.find((i) => i.code === code)?.label ?? code;
}

export const SKIN_TYPES = [1, 2, 3, 4, 5, 6] as const;
/** Fitzpatrick IV–VI: higher risk of post-inflammatory hyperpigmentation; a caution, never a block. */
export function hasPihRisk(skinType: number): boolean {
  return skinType >= 4;
}
