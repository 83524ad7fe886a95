import type { PatientCharts } from "@/lib/charts/types";
import { formatClinicDay } from "@/lib/domain/dates";
import { needsUrgentGuidance, SYMPTOMS, WARNING_SIGN_SYMPTOMS, type SymptomGrade } from "@/lib/domain/reactions";
import { shortSymptomLabel } from "./labels";

type Reaction = PatientCharts["reactions"][number];

/**
 * A symptom at a warning level (lib/domain/reactions.ts needsUrgentGuidance): any grade 3, or any
 * grade of infection, fever, blistering, scarring or nodules. Such a symptom is never "settling".
 */
export function isWarningSign(s: SymptomGrade): boolean {
  return needsUrgentGuidance([s]);
}

/** At most this many reports are named one by one; the rest are counted. */
const NAMED_REPORTS = 3;

/**
 * Reports with a warning sign that no later report on the same session has shown below its warning
 * level, newest first. Every report in the range counts, whichever session it is linked to (a newer
 * report may be linked to an older session) and when it is linked to none.
 */
export function openWarnings(reactions: readonly Reaction[]): { reaction: Reaction; signs: SymptomGrade[] }[] {
  const newestFirst = [...reactions].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
  return newestFirst.flatMap((reaction, i) => {
    const later = reaction.sessionId === null ? [] : newestFirst.slice(0, i).filter((r) => r.sessionId === reaction.sessionId);
    const stillThere = (s: SymptomGrade) => !later.some((r) => r.symptoms.some((l) => l.symptom === s.symptom && !isWarningSign(l)));
    const signs = reaction.symptoms.filter((s) => isWarningSign(s) && stillThere(s));
    return signs.length ? [{ reaction, signs }] : [];
  });
}

/** "signs of infection", "severe pain or burning": a warning sign in the patient's words. */
function signLabel(s: SymptomGrade): string {
  const label = shortSymptomLabel(s.symptom).toLowerCase();
  const warningAtAnyGrade = s.symptom === "infection" || WARNING_SIGN_SYMPTOMS.includes(s.symptom);
  return warningAtAnyGrade ? label : `severe ${label}`;
}

/**
 * The warning signs first, with what to do, e.g. "You reported warning signs: signs of infection and
 * fever or feeling unwell on 3 Dec 2026. These are not part of normal healing: stop microneedling and
 * contact your clinic; if they get worse, seek urgent care." Null when there is none.
 */
export function describeWarnings(reactions: readonly Reaction[], timeZone = "UTC"): string | null {
  const open = openWarnings(reactions);
  if (open.length === 0) return null;
  const order = (code: string) => SYMPTOMS.findIndex((s) => s.code === code);
  const named = open.slice(0, NAMED_REPORTS).map(({ reaction, signs }) => {
    const labels = [...signs].sort((a, b) => order(a.symptom) - order(b.symptom)).map(signLabel);
    return `${joinAnd(labels)} on ${formatClinicDay(reaction.reportedAt, timeZone)}`;
  });
  const more = open.length - named.length;
  const list = named.join("; ") + (more > 0 ? `; and ${more} earlier ${more === 1 ? "report" : "reports"}` : "");
  const one = open.length === 1 && open[0]!.signs.length === 1;
  return (
    `You reported ${one ? "a warning sign" : "warning signs"}: ${list}. ` +
    `${one ? "This is" : "These are"} not part of normal healing: stop microneedling and contact your clinic; if ${one ? "it gets" : "they get"} worse, seek urgent care.`
  );
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
