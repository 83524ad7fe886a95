/** The clinic's starting text for a patient's instructions (from the seed texts and DOMAIN.md). */
export const STANDARD_INSTRUCTIONS = [
  "Patch test on a small area first and wait 24 hours before a full session.",
  "Cleanse the skin and sanitize the device before and after every use (70% isopropyl alcohol, air-dry).",
  "Never share the device; replace the head as the manufacturer advises.",
  "Do not use on broken, infected or inflamed skin, or over active acne.",
  "Use sunscreen daily and avoid actives (retinoids, acids) for 48 hours after a session.",
  "Report redness lasting more than 72 hours, pus, fever or blisters through the portal straight away.",
].join("\n");
