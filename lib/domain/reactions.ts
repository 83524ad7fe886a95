/** Patient-reported reactions (DOMAIN.md): symptom codes and PRO-CTCAE-style grades. */
export const SYMPTOMS = [
  { code: "erythema", label: "Redness" },
  { code: "swelling", label: "Swelling" },
  { code: "pain", label: "Pain or burning" },
  { code: "bleeding", label: "Bleeding" },
  { code: "itching", label: "Itching" },
  { code: "dryness", label: "Dryness or flaking" },
  { code: "bruising", label: "Bruising" },
  { code: "breakout", label: "Breakout (spots, acne flare)" },
  { code: "hyperpigmentation", label: "Dark patches" },
  { code: "infection", label: "Signs of infection (pus, honey-coloured crust, spreading warmth, fever)" },
] as const;

export type SymptomCode = (typeof SYMPTOMS)[number]["code"];
export const SYMPTOM_CODES = SYMPTOMS.map((s) => s.code) as [SymptomCode, ...SymptomCode[]];

export const GRADES = [
  { grade: 0, label: "None", description: "Not at all" },
  { grade: 1, label: "Mild", description: "Noticeable, no treatment needed" },
  { grade: 2, label: "Moderate", description: "Bothersome, limits some daily tasks" },
  { grade: 3, label: "Severe", description: "Limits self-care (washing, dressing)" },
] as const;

export type SymptomGrade = { symptom: SymptomCode; grade: number };

export function symptomLabel(code: string): string {
  return SYMPTOMS.find((s) => s.code === code)?.label ?? code;
}

export function gradeLabel(grade: number): string {
  return GRADES.find((g) => g.grade === grade)?.label ?? String(grade);
}

/** The patient must be told to contact the clinic now: any severe grade, or any sign of infection. */
export function needsUrgentGuidance(symptoms: SymptomGrade[]): boolean {
  return symptoms.some((s) => s.grade >= 3 || (s.symptom === "infection" && s.grade >= 1));
}
