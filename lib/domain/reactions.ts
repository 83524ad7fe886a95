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
  { code: "infection", label: "Signs of infection (pus, honey-coloured crust, spreading warmth)" },
  { code: "fever", label: "Fever or feeling unwell" },
  { code: "blistering", label: "Grouped blisters (possible cold-sore flare)" },
  { code: "scarring", label: "Lines or scratch marks in the skin (tram-track marks)" },
  { code: "nodules", label: "New bumps or lumps days later" },
] as const;

export type SymptomCode = (typeof SYMPTOMS)[number]["code"];
export const SYMPTOM_CODES = SYMPTOMS.map((s) => s.code) as [SymptomCode, ...SymptomCode[]];

/**
 * DOMAIN.md's warning signs that no grading makes acceptable: herpes flare, fever, tram-track
 * scarring, granuloma. Any of them at grade 1 or more needs a clinician now.
 */
export const WARNING_SIGN_SYMPTOMS: readonly SymptomCode[] = ["fever", "blistering", "scarring", "nodules"];

/** Redness still reported this long after a session spaces the next session in that area further. */
export const PROLONGED_REDNESS_HOURS = 48;

export function hasProlongedRedness(reaction: { reportedAt: string; symptoms: SymptomGrade[] }, sessionPerformedAt: string): boolean {
  const hours = (Date.parse(reaction.reportedAt) - Date.parse(sessionPerformedAt)) / 3_600_000;
  return hours > PROLONGED_REDNESS_HOURS && reaction.symptoms.some((s) => s.symptom === "erythema" && s.grade >= 1);
}

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

/** The patient must be told to contact the clinic now: any severe grade, any sign of infection or warning sign. */
export function needsUrgentGuidance(symptoms: SymptomGrade[]): boolean {
  return symptoms.some((s) => s.grade >= 3 || (s.grade >= 1 && (s.symptom === "infection" || WARNING_SIGN_SYMPTOMS.includes(s.symptom))));
}
