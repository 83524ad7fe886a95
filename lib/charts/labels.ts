import { AREAS, AREA_LABELS, type Area } from "@/lib/domain/clinical";
import { symptomLabel } from "@/lib/domain/reactions";

export function areaLabel(area: string): string {
  return AREA_LABELS[area as Area] ?? area;
}

/** Areas in the product's usual order (face first), unknown codes last, so every chart lists them alike. */
export function sortAreas(areas: Iterable<string>): string[] {
  const rank = (a: string) => {
    const i = AREAS.indexOf(a as Area);
    return i === -1 ? AREAS.length : i;
  };
  return [...new Set(areas)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The symptom's label without its explanation in brackets: legends and axes on a phone have no room for it. */
export function shortSymptomLabel(symptom: string): string {
  return symptomLabel(symptom).replace(/\s*\(.*\)$/, "");
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
