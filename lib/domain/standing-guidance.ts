/**
 * The guidance every approved home plan carries, whatever the clinician writes: DOMAIN.md's warning
 * signs ("stop and call the clinic if…") and the technique reminders of the seed texts (cleanse the
 * skin first, about 15 seconds a section, sanitize and air-dry the roller). Fixed text, not a clinic
 * setting: the portal shows it above the clinician's instructions, the clinic's plan summary shows what
 * the patient sees, and the FHIR CarePlan carries it as its description.
 */
export type StandingGuidance = { heading: string; items: readonly string[] };

export const STOP_AND_CALL: StandingGuidance = {
  heading: "Stop microneedling and call your clinic if you notice",
  items: [
    "signs of infection: pus, a honey-coloured crust, or warmth that spreads",
    "a fever or feeling unwell",
    "blisters, especially in a group (a possible cold-sore flare)",
    "redness that spreads or is still there after 3 days",
    "pain that grows instead of settling",
    "dark patches on the treated skin",
  ],
};

export const TECHNIQUE: StandingGuidance = {
  heading: "Every session",
  items: [
    "Cleanse the skin of the area first.",
    "Work one section at a time, about 15 seconds a section.",
    "After use, sanitize the roller and let it air-dry before you store it.",
    "Never share your roller with anyone.",
  ],
};

export const STANDING_GUIDANCE: readonly StandingGuidance[] = [STOP_AND_CALL, TECHNIQUE];

/** The guidance as plain text (the FHIR CarePlan's description): each heading, then its items. */
export function standingGuidanceText(guidance: readonly StandingGuidance[] = STANDING_GUIDANCE): string {
  return guidance.map((g) => `${g.heading}:\n${g.items.map((item) => `- ${item}`).join("\n")}`).join("\n\n");
}
