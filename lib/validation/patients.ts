import { z } from "zod";

export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 20;

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const patientListQuerySchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100, "Search is at most 100 characters.").optional()),
  page: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: "page must be a number." }).int("page must be a whole number.").min(1, "page starts at 1.").default(1),
  ),
  pageSize: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "pageSize must be a number." })
      .int("pageSize must be a whole number.")
      .min(1, "pageSize is at least 1.")
      .max(PAGE_SIZE_MAX, `pageSize is at most ${PAGE_SIZE_MAX}.`)
      .default(PAGE_SIZE_DEFAULT),
  ),
});
export type PatientListQuery = z.infer<typeof patientListQuerySchema>;

export const patientIdSchema = z.uuid();
