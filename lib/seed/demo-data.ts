import type { Role } from "@/db/schema";

/** The pinned demo clinic: other checks rely on these exact accounts. */
export const DEMO_PASSWORD = "demo-pass-1234";

export const NORTHSIDE = "Northside Dermatology";
export const SOUTH_BAY = "South Bay Skin";

/** The numbers the portal's stop banner gives (555-01xx: reserved for fiction). */
export const CLINIC_PHONES: Record<string, string> = { [NORTHSIDE]: "+1 555 0100", [SOUTH_BAY]: "+1 555 0150" };

export type DemoAccount = { email: string; name: string; role: Role; clinic: string };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "admin@northside.test", name: "Morgan Blake", role: "admin", clinic: NORTHSIDE },
  { email: "rivera@northside.test", name: "Dr. Sofia Rivera", role: "clinician", clinic: NORTHSIDE },
  { email: "okafor@northside.test", name: "Dr. Emeka Okafor", role: "clinician", clinic: NORTHSIDE },
  { email: "chen@southbay.test", name: "Dr. Wei Chen", role: "clinician", clinic: SOUTH_BAY },
  { email: "lee@patient.test", name: "Jordan Lee", role: "patient", clinic: NORTHSIDE },
  { email: "patel@patient.test", name: "Priya Patel", role: "patient", clinic: NORTHSIDE },
  { email: "garcia@patient.test", name: "Ana Garcia", role: "patient", clinic: SOUTH_BAY },
];

export type DemoPatient = {
  mrn: string;
  name: string;
  dateOfBirth: string;
  skinType: number;
  clinic: string;
  clinicianEmail: string;
  portalEmail?: string;
  phone?: string;
};

export const NAMED_PATIENTS: DemoPatient[] = [
  { mrn: "NS-100001", name: "Jordan Lee", dateOfBirth: "1990-04-12", skinType: 2, clinic: NORTHSIDE, clinicianEmail: "rivera@northside.test", portalEmail: "lee@patient.test", phone: "+1 555 0111" },
  { mrn: "NS-100002", name: "Priya Patel", dateOfBirth: "1995-09-30", skinType: 4, clinic: NORTHSIDE, clinicianEmail: "rivera@northside.test", portalEmail: "patel@patient.test", phone: "+1 555 0112" },
  { mrn: "SB-200001", name: "Ana Garcia", dateOfBirth: "1986-01-22", skinType: 3, clinic: SOUTH_BAY, clinicianEmail: "chen@southbay.test", portalEmail: "garcia@patient.test", phone: "+1 555 0151" },
];

const GIVEN = ["Amara", "Liam", "Noor", "Mateo", "Hana", "Oliver", "Zainab", "Lucas", "Mei", "Ethan", "Fatima", "Diego", "Ingrid", "Kwame", "Sakura", "Rafael", "Aisha", "Tomasz", "Leila", "Finn", "Yusuf", "Chloe", "Arjun", "Elena", "Kofi", "Maya"];
const FAMILY = ["Okonkwo", "Murphy", "Haddad", "Rossi", "Tanaka", "Brown", "Hussain", "Silva", "Wong", "Clarke", "Nowak", "Ortiz", "Larsen", "Mensah", "Ito", "Costa", "Rahman", "Kowalski", "Farah", "Byrne", "Demir", "Dubois", "Iyer", "Petrova", "Asante", "Cohen"];

/** A small seeded generator so every demo database is identical. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatedPatients(): DemoPatient[] {
  const random = mulberry32(20261121);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const birthDate = () => {
    const year = 1950 + Math.floor(random() * 55);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  };
  const northside = Array.from({ length: 24 }, (_, i): DemoPatient => ({
    mrn: `NS-${100003 + i}`,
    name: `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 7) % FAMILY.length]}`,
    dateOfBirth: birthDate(),
    skinType: 1 + Math.floor(random() * 6),
    clinic: NORTHSIDE,
    clinicianEmail: pick(["rivera@northside.test", "okafor@northside.test"]),
    phone: `+1 555 01${String(20 + i).padStart(2, "0")}`,
  }));
  const southBay = Array.from({ length: 6 }, (_, i): DemoPatient => ({
    mrn: `SB-${200002 + i}`,
    name: `${GIVEN[(i * 5 + 3) % GIVEN.length]} ${FAMILY[(i * 11 + 2) % FAMILY.length]}`,
    dateOfBirth: birthDate(),
    skinType: 1 + Math.floor(random() * 6),
    clinic: SOUTH_BAY,
    clinicianEmail: "chen@southbay.test",
    phone: `+1 555 01${60 + i}`,
  }));
  return [...northside, ...southBay];
}
