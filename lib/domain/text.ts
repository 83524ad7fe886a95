/**
 * A clinical justification must be readable by the next clinician: at least this many letters or
 * digits once invisible characters are removed.
 */
export const MIN_JUSTIFICATION_CHARS = 10;

// Format (Cf: zero-width space, word joiner, Mongolian vowel separator, bidi marks) and control
// (Cc) characters render as nothing, so they must not count towards a justification.
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** How many letters and digits a reader would actually see. */
export function visibleCharacterCount(text: string | null | undefined): number {
  if (!text) return 0;
  return text.replace(INVISIBLE, "").match(LETTER_OR_DIGIT)?.length ?? 0;
}

export function isMeaningfulText(text: string | null | undefined): boolean {
  return visibleCharacterCount(text) >= MIN_JUSTIFICATION_CHARS;
}
