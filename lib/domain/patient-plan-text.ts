import type { PlanStatus } from "./clinical";
import type { PauseReason } from "./holds";
import { addDays, dateInZone, daysBetween, formatCalendarDate, type IsoDate } from "./dates";

/**
 * What the patient is told about their plan and their reports, in words that claim only what
 * happened: nobody is notified of anything (notifications are their own issue), so the clinic "will
 * see" a report when they open the record, never "has been alerted".
 */

/** "call 020 7946 0000", or "call your clinic" when the clinic has no phone on record. */
export function callClinic(phone: string | null): string {
  return phone ? `call your clinic on ${phone}` : "call your clinic";
}

/** After a report: who will see it and when, and what to do meanwhile. */
export function afterReportText(phone: string | null): string {
  return `Your clinic will see this the next time they open your record; if it gets worse, ${callClinic(phone)} or seek urgent care.`;
}

/**
 * A plan's review date by the clinic calendar: the review date itself is still covered (see
 * derivePlanStatus), so an in-force plan is "valid through" it and an ended one "ended on" the day after.
 */
export function planValidity(plan: { status: PlanStatus; reviewBy: IsoDate | null }): { ended: boolean; text: string } | null {
  if (!plan.reviewBy) return null;
  const through = formatCalendarDate(plan.reviewBy);
  if (plan.status === "expired") return { ended: true, text: `ended on ${formatCalendarDate(addDays(plan.reviewBy.slice(0, 10), 1))} (it was valid through ${through})` };
  return { ended: false, text: `valid through ${through}` };
}

export type { PauseReason };

/** Why the patient is paused, in their own terms. */
export const PAUSE_WHY: Record<PauseReason, string> = {
  warning_sign: "You reported a warning sign after microneedling.",
  contraindication: "A new answer in your health screening means your clinician must check your plan first.",
  health_change: "You told your clinic about a change in your health.",
};

/** What to do while paused. */
export function pauseWhatToDo(phone: string | null, clinicianName: string): string {
  return `Do not microneedle any area until your clinic clears you. ${capitalize(callClinic(phone))} so ${clinicianName} can check on you; if it gets worse, seek urgent care.`;
}

/** Why an area's next session is later than the plan's own interval (home-care's reasons), in plain words. */
export function spacingReasonLines(reasons: readonly string[], extraDays: number): string[] {
  return [
    reasons.includes("longer_needle") && "Your last session used a longer needle than your plan allows, so the spacing for that needle length applies.",
    reasons.includes("prolonged_redness") &&
      `Redness lasted more than 2 days after your last session, so your clinic adds ${extraDays} extra ${extraDays === 1 ? "day" : "days"}.`,
  ].filter((line): line is string => Boolean(line));
}

/** How long after a clearing the plan still says so. */
export const CLEARED_NOTICE_DAYS = 30;

/** The clinic day a clearing happened, when it is recent enough to tell the patient (clinic days). */
export function recentClearing(lastClearedAt: string | null, now: Date, timeZone: string): IsoDate | null {
  if (!lastClearedAt) return null;
  const day = dateInZone(lastClearedAt, timeZone);
  const ago = daysBetween(day, dateInZone(now, timeZone));
  return ago >= 0 && ago <= CLEARED_NOTICE_DAYS ? day : null;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
