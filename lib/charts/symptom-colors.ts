import type { SymptomCode } from "@/lib/domain/reactions";

/**
 * One colour per symptom, used by every chart, legend and badge, so redness is the same red on the
 * patient page, the overview and the portal. Chosen to stay apart for common colour-vision deficiencies
 * (Okabe–Ito based) and at 3:1 or more against white; charts never rely on colour alone (labels, tables).
 */
export const SYMPTOM_COLORS: Record<SymptomCode, string> = {
  erythema: "#D55E00",
  swelling: "#0072B2",
  pain: "#CC79A7",
  bleeding: "#B2182B",
  itching: "#009E73",
  dryness: "#8C6D1F",
  bruising: "#5E3C99",
  breakout: "#E69F00",
  hyperpigmentation: "#4D4D4D",
  infection: "#7F0000",
  fever: "#A50026",
  blistering: "#1B7837",
  scarring: "#2D004B",
  nodules: "#00546E",
};

export function symptomColor(symptom: string): string {
  return (SYMPTOM_COLORS as Record<string, string>)[symptom] ?? "#475569";
}
