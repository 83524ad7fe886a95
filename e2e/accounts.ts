export const PASSWORD = "demo-pass-1234";

export const DEMO = {
  admin: "admin@northside.test",
  rivera: "rivera@northside.test",
  okafor: "okafor@northside.test",
  chen: "chen@southbay.test",
  lee: "lee@patient.test",
  patel: "patel@patient.test",
  garcia: "garcia@patient.test",
} as const;

/** Accounts only the suite uses, for tests that change an account's state (revoking sessions). */
export const E2E_ACCOUNTS = [
  {
    email: "revocation@northside.test",
    name: "Dr. Revocation Test",
    role: "clinician" as const,
    clinic: "Northside Dermatology",
    password: PASSWORD,
  },
  {
    email: "lockout@northside.test",
    name: "Dr. Lockout Test",
    role: "clinician" as const,
    clinic: "Northside Dermatology",
    password: PASSWORD,
  },
  {
    email: "signout@northside.test",
    name: "Dr. Sign Out",
    role: "clinician" as const,
    clinic: "Northside Dermatology",
    password: PASSWORD,
  },
];
