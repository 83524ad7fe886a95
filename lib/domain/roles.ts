/** Who signs in: clinic admins, clinicians, and patients (the portal). */
export const ROLES = ["admin", "clinician", "patient"] as const;
export type Role = (typeof ROLES)[number];
