import { HOME_MAX_NEEDLE_MM, NEEDLE_LENGTHS_MM } from "@/lib/domain/clinical";
import type { HomeCare } from "@/lib/data/home-care";

/** A patient who used a clinic depth at home must be able to say so: the report is a fact. */
export const CLINIC_LENGTHS_MM = [1.5, 2.0, 2.5, 3.0] as const;

/**
 * The longest needle the plan allows for the chosen area: the area's limit on an approved plan; the
 * longest of the plan's areas before an area is chosen; the home maximum otherwise (no plan in force,
 * or an area outside it, which the form warns about on its own).
 */
export function planLimitMm(homeCare: Pick<HomeCare, "plan">, area: string): number {
  const plan = homeCare.plan?.status === "approved" ? homeCare.plan : null;
  if (!plan || plan.areas.length === 0) return HOME_MAX_NEEDLE_MM;
  if (area === "") return Math.max(...plan.areas.map((a) => a.maxNeedleMm));
  return plan.areas.find((a) => a.area === area)?.maxNeedleMm ?? HOME_MAX_NEEDLE_MM;
}

/**
 * The lengths the form offers: those within the limit, and only once the person says they used a
 * longer needle, the home lengths above it and the clinic lengths, so none of them reads as a choice.
 */
export function needleChoices(limitMm: number, longer: boolean): { within: number[]; aboveLimit: number[]; clinic: number[] } {
  const within = NEEDLE_LENGTHS_MM.filter((mm) => mm <= limitMm + 1e-9);
  if (!longer) return { within, aboveLimit: [], clinic: [] };
  return { within, aboveLimit: NEEDLE_LENGTHS_MM.filter((mm) => mm > limitMm + 1e-9), clinic: [...CLINIC_LENGTHS_MM] };
}

/** Whether a chosen length is still offered (a new area with a lower limit hides a longer choice). */
export function isOffered(needleMm: string, limitMm: number, longer: boolean): boolean {
  if (needleMm === "") return true;
  const { within, aboveLimit, clinic } = needleChoices(limitMm, longer);
  return [...within, ...aboveLimit, ...clinic].some((mm) => Math.abs(mm - Number(needleMm)) < 1e-9);
}
