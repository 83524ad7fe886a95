import { z } from "zod";
import { emailSchema, staffRoleSchema } from "./auth";
import { pageSizeSchema, pagingSchema, singleLineText } from "./common";

export { staffRoleSchema };

/** A clinic's staff is tens of people: one page of 50 shows it all; 100 is the ceiling. */
export const STAFF_PAGE_SIZE_MAX = 100;
export const STAFF_PAGE_SIZE_DEFAULT = 50;

export const staffListQuerySchema = z.object({
  ...pagingSchema,
  pageSize: pageSizeSchema(STAFF_PAGE_SIZE_MAX, STAFF_PAGE_SIZE_DEFAULT),
});
export type StaffListQuery = z.infer<typeof staffListQuerySchema>;

export const staffInviteSchema = z.object({
  email: emailSchema,
  name: singleLineText({ label: "Name", max: 120, required: "Name is required." }),
  role: staffRoleSchema,
});
export type StaffInviteInput = z.infer<typeof staffInviteSchema>;

export const staffUpdateSchema = z
  .object({
    role: staffRoleSchema.optional(),
    active: z.boolean({ error: "active must be true or false." }).optional(),
  })
  .refine((v) => v.role !== undefined || v.active !== undefined, "Send role, active or both.");
export type StaffUpdateInput = z.infer<typeof staffUpdateSchema>;
