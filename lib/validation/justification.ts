import { JUSTIFICATION_RULE, isJustification } from "@/lib/domain/text";
import { multiLineText } from "./common";

/** A clinical justification, refused when it gives no reason a later reader could act on. */
export const justificationSchema = (label: string) =>
  multiLineText({ label, max: 2000, required: `Write the ${label}.` }).refine(isJustification, `The ${label} needs ${JUSTIFICATION_RULE}.`);
