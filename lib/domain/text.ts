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

/** A justification names its grounds in words: at least this many, not all the same one. */
export const MIN_JUSTIFICATION_WORDS = 3;
export const JUSTIFICATION_RULE = `at least ${MIN_JUSTIFICATION_WORDS} words of letters (${MIN_JUSTIFICATION_CHARS} letters or digits), not one repeated character or word`;

const WORD = /\p{L}{2,}/gu;

/**
 * Whether a justification (a contraindication override, an interval override reason, the note that
 * clears a pause, the reason for loosening a clinic default) says something a later reader can act on:
 * "aaaaaaaaaaaaa" or "ok ok ok ok" fill a field without giving a reason.
 */
export function isJustification(text: string | null | undefined): boolean {
  if (!isMeaningfulText(text)) return false;
  const words = (text!.replace(INVISIBLE, "").match(WORD) ?? [])
    .map((w) => w.toLocaleLowerCase())
    // A word of one repeated letter ("aaaa", "xx") is a key held down, not a word.
    .filter((w) => new Set(w).size > 1);
  return words.length >= MIN_JUSTIFICATION_WORDS && new Set(words).size > 1;
}

/**
 * Hygiene for everything people type: names, MRNs, notes, instructions. Two kinds of invisible
 * character get two answers:
 * - Characters that render as nothing and change nothing a reader sees (zero-width space, word joiner,
 *   byte-order mark, soft hyphen, Mongolian vowel separator) are stripped. Phones and pasted documents
 *   insert them without the person knowing; refusing text that looks right would leave them stuck,
 *   while keeping them lets "Jordan Lee" and "Jordan\u200bLee" become two patients no one can tell apart.
 * - Characters that change what a reader sees are refused, not stripped: bidi overrides and isolates
 *   can make a note read backwards ("Trojan Source"), and control characters break the audit trail and
 *   exports. Removing them would store something other than what the person saw, so they are told instead.
 * Joiners (ZWNJ, ZWJ) are kept only where they do something: between letters of the scripts that shape
 * with them (a Persian or Malayalam name is misspelt without them) and inside emoji sequences.
 */
export type TextLines = "single" | "multi";
export type TextProblem = "line_break" | "control" | "bidi";

const STRIPPED_INVISIBLES = /[\u200b\u2060\ufeff\u00ad\u180e]/gu;
const JOINING_SCRIPTS = [
  "Arabic", "Syriac", "Nko", "Mongolian", "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya",
  "Tamil", "Telugu", "Kannada", "Malayalam", "Sinhala", "Myanmar", "Khmer",
].map((script) => `\\p{sc=${script}}`).join("");
const EMOJI = String.raw`\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f`;
// A joiner is kept when it sits between two joining-script characters, or a ZWJ between two emoji;
// the first two alternatives consume those intact, the last one matches a stray joiner.
const JOINERS = new RegExp(
  `[${JOINING_SCRIPTS}][\\u200c\\u200d]+(?=[${JOINING_SCRIPTS}])|[${EMOJI}]\\u200d(?=\\p{Extended_Pictographic})|[\\u200c\\u200d]`,
  "gu",
);
/** CR LF, CR, NEL and the Unicode line and paragraph separators all mean "new line". */
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/u;
// C0 and C1 controls (tab and newline are allowed in multi-line text only), and halves of a UTF-16
// surrogate pair sent alone, which are no character at all.
const CONTROLS: Record<TextLines, RegExp> = {
  single: /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u,
  multi: /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\p{Cs}/u,
};

/** The text as it is stored: line breaks unified, harmless invisibles removed, NFC, trimmed. */
export function tidyText(text: string): string {
  return text
    .replace(LINE_BREAKS, "\n")
    .replace(STRIPPED_INVISIBLES, "")
    .replace(JOINERS, (match) => (match.length === 1 ? "" : match))
    .normalize("NFC")
    .trim();
}

/** Why tidied text cannot be stored, or null when it can. */
export function textProblem(text: string, lines: TextLines): TextProblem | null {
  if (BIDI_CONTROLS.test(text)) return "bidi";
  if (lines === "single" && text.includes("\n")) return "line_break";
  if (CONTROLS[lines].test(text)) return "control";
  return null;
}
