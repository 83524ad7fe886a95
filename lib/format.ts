const ROMAN = ["I", "II", "III", "IV", "V", "VI"] as const;

export function skinTypeLabel(skinType: number): string {
  return `Type ${ROMAN[skinType - 1] ?? "?"}`;
}
