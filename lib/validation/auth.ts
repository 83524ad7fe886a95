import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";

export const emailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .min(1, "Email is required.")
  .max(254, "Email is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }));

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Password is required." }).min(1, "Password is required.").max(200),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** OWASP ASVS: at least 12 characters, no composition rules, an upper bound against hashing DoS. */
export const newPasswordSchema = z
  .string()
  .min(12, "Password must be at least 12 characters.")
  .max(200, "Password must be at most 200 characters.");

export const staffRoleSchema = z.enum(["admin", "clinician"], {
  error: "Role must be admin or clinician.",
});

export const userCreateSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Name is required.").max(120),
  role: staffRoleSchema,
  clinic: z.string().trim().min(1, "Clinic name is required.").max(120),
  password: newPasswordSchema,
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const roleSchema = z.enum(ROLES);
