import { z } from "zod";
import { multiLineText } from "./common";

/** Kept here (not imported from db/schema) so the browser's copy of this schema carries no schema code. */
export const ALERT_NOTE_KINDS = ["note", "call"] as const;
export type AlertNoteKind = (typeof ALERT_NOTE_KINDS)[number];

/**
 * A note on an alert: an annotation (how an admin acts on a high alert), or a recorded call to a patient
 * who has no portal access, which an alert with `contactRequired` needs before it can be closed.
 */
export const alertNoteSchema = z.object({
  kind: z.enum(ALERT_NOTE_KINDS, { error: "kind must be note or call." }).default("note"),
  note: multiLineText({ label: "The note", max: 2000, required: "Write the note." }),
});
export type AlertNoteInput = z.infer<typeof alertNoteSchema>;
