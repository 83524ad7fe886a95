import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";
import { singleLineText } from "./common";

export const emailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .min(1, "Email is required.")
  .max(254, "Email is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }));

/** A six-digit code from an authenticator app, or a recovery code (xxxxx-xxxxx); spaces are ignored. */
export const secondFactorSchema = z
  .string()
  .transform((v) => v.replace(/\s+/g, "").toLowerCase())
  .pipe(z.string().regex(/^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/, "Enter the 6-digit code from your app, or a recovery code."));

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Password is required." }).min(1, "Password is required.").max(200),
  /** Only for accounts with two-factor sign-in; asked after a correct password. */
  code: z.preprocess((v) => (v === "" ? undefined : v), secondFactorSchema.optional()),
});
export type LoginInput = z.infer<typeof loginSchema>;

/**
 * OWASP ASVS 5.0 (6.2): 12 to 128 characters, no composition rules, paste allowed. The list of common
 * passwords is checked on the server too (lib/auth/password-policy.ts): it is too large to ship to a browser.
 */
export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(12, "Password must be at least 12 characters.")
  .max(128, "Password must be at most 128 characters.");

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
    newPassword: newPasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, { message: "The two passwords differ.", path: ["confirm"] });
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

export const mfaCodeSchema = z.object({ code: secondFactorSchema });

export const staffRoleSchema = z.enum(["admin", "clinician"], {
  error: "Role must be admin or clinician.",
});

export const userCreateSchema = z.object({
  email: emailSchema,
  name: singleLineText({ label: "Name", max: 120, required: "Name is required." }),
  role: staffRoleSchema,
  clinic: singleLineText({ label: "Clinic name", max: 120, required: "Clinic name is required." }),
  password: newPasswordSchema,
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const roleSchema = z.enum(ROLES);

export const clinicSecuritySchema = z.object({
  requireStaffMfa: z.boolean({ error: "requireStaffMfa must be true or false." }),
});
