import { z } from "zod";
import { SCREENING_ITEM_CODES, SCREENING_ITEMS } from "@/lib/domain/clinical";
import { pastOrTodayDateSchema } from "./common";

export const screeningAnswerSchema = z.object({
  item: z.enum(SCREENING_ITEM_CODES, { error: "Unknown screening item." }),
  // Shown next to the unanswered item in the screening form, and clear enough for an API client.
  answer: z.boolean({ error: "Answer yes or no." }),
  date: pastOrTodayDateSchema.nullish().transform((v) => v ?? null),
});

/** Every checklist item answered exactly once: a partial screening cannot clear anyone. */
export const screeningSchema = z.object({
  answers: z.array(screeningAnswerSchema).superRefine((answers, ctx) => {
    const seen = new Set<string>();
    answers.forEach((a, index) => {
      if (seen.has(a.item)) ctx.addIssue({ code: "custom", path: [index, "item"], message: `${a.item} is answered twice.` });
      seen.add(a.item);
    });
    const missing = SCREENING_ITEMS.filter((i) => !seen.has(i.code)).map((i) => i.code);
    if (missing.length) ctx.addIssue({ code: "custom", message: `Every item must be answered; missing: ${missing.join(", ")}.` });
  }),
});
export type ScreeningInput = z.infer<typeof screeningSchema>;
