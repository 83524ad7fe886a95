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

/**
 * The authorization matrix's staff callers (e2e/authorization-matrix.spec.ts). Its own accounts, not the
 * demo ones: some allowed calls change the caller's account (starting a two-factor enrolment, signing
 * out everywhere), which must not reach the demo accounts other specs are signed in as at the same time.
 * Its deactivated caller is invited afresh on each run, since deactivation cannot be undone by signing in.
 */
export const MATRIX = {
  clinician: "matrix-clinician@northside.test",
  otherClinician: "matrix-clinician@southbay.test",
  admin: "matrix-admin@northside.test",
} as const;

/** A clinic of its own for e2e/fuzz.spec.ts, so its rows change only by the fuzz spec's own requests. */
export const FUZZ_CLINIC = "Fuzz Test Clinic";
export const FUZZ = { clinician: "fuzz-clinician@fuzz.test", admin: "fuzz-admin@fuzz.test" } as const;

type E2EAccount = { email: string; name: string; role: "admin" | "clinician"; clinic: string; password: string };

/** Accounts only the suite uses, for tests that change an account's state (revoking sessions). */
export const E2E_ACCOUNTS: E2EAccount[] = [
  { email: "revocation@northside.test", name: "Dr. Revocation Test", role: "clinician", clinic: "Northside Dermatology", password: PASSWORD },
  { email: "lockout@northside.test", name: "Dr. Lockout Test", role: "clinician", clinic: "Northside Dermatology", password: PASSWORD },
  { email: "signout@northside.test", name: "Dr. Sign Out", role: "clinician", clinic: "Northside Dermatology", password: PASSWORD },
  { email: MATRIX.clinician, name: "Dr. Matrix Northside", role: "clinician", clinic: "Northside Dermatology", password: PASSWORD },
  { email: MATRIX.otherClinician, name: "Dr. Matrix South Bay", role: "clinician", clinic: "South Bay Skin", password: PASSWORD },
  { email: MATRIX.admin, name: "Matrix Admin", role: "admin", clinic: "Northside Dermatology", password: PASSWORD },
  { email: FUZZ.clinician, name: "Dr. Fuzz", role: "clinician", clinic: FUZZ_CLINIC, password: PASSWORD },
  { email: FUZZ.admin, name: "Fuzz Admin", role: "admin", clinic: FUZZ_CLINIC, password: PASSWORD },
];
