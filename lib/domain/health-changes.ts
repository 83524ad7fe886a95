import { SCREENING_ITEM_CODES, screeningItemLabel, type ScreeningItemCode } from "./clinical";

/** A medicine the screening has no item for: the patient names it, a clinician reviews it. */
export const OTHER_MEDICINE = "other_medicine";
export type HealthChangeItem = ScreeningItemCode | typeof OTHER_MEDICINE;
export const HEALTH_CHANGE_ITEMS = [...SCREENING_ITEM_CODES, OTHER_MEDICINE] as [HealthChangeItem, ...HealthChangeItem[]];

/**
 * What the portal asks, in a patient's words, grouped as a patient thinks of it. Each choice maps to a
 * screening item of DOMAIN.md (the clinic's class for it decides: block pauses, review asks a clinician).
 */
export const HEALTH_CHANGE_GROUPS: { title: string; choices: { item: HealthChangeItem; label: string; needsNote?: boolean; dateLabel?: string }[] }[] = [
  {
    title: "Pregnancy",
    choices: [{ item: "pregnancy", label: "I am pregnant, trying to become pregnant, or breastfeeding" }],
  },
  {
    title: "A new medicine",
    choices: [
      { item: "isotretinoin", label: "Isotretinoin tablets (Roaccutane, Accutane, Absorica)", dateLabel: "Started or last taken" },
      { item: "anticoagulants", label: "A blood thinner (warfarin, apixaban, rivaroxaban, clopidogrel, daily aspirin)" },
      { item: "immunosuppression", label: "A medicine that lowers immunity, chemotherapy or radiotherapy" },
      { item: OTHER_MEDICINE, label: "Another new medicine", needsNote: true },
    ],
  },
  {
    title: "A new skin problem in an area you treat",
    choices: [
      { item: "active_acne", label: "Active acne (inflamed spots)" },
      { item: "eczema_psoriasis", label: "Eczema, dermatitis or psoriasis flare" },
      { item: "rosacea", label: "Rosacea flare" },
      { item: "active_infection", label: "A cold sore or a skin infection" },
    ],
  },
  {
    title: "A new diagnosis",
    choices: [
      { item: "cardiac", label: "A heart condition (for example a pacemaker)" },
      { item: "collagen_vascular", label: "Lupus, scleroderma or another autoimmune disease" },
      { item: "diabetes_wound_healing", label: "Diabetes, or wounds that heal slowly" },
    ],
  },
];

export function healthChangeLabel(item: string): string {
  if (item === OTHER_MEDICINE) return "Another new medicine";
  return screeningItemLabel(item as ScreeningItemCode);
}
