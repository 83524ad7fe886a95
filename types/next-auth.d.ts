import type { Role } from "@/db/schema";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      email: string;
      name: string;
      role: Role;
      clinicId: string;
      patientId: string | null;
    };
  }
  interface User {
    id: string;
    email: string;
    name: string;
    role: Role;
    clinicId: string;
    patientId: string | null;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    clinicId: string;
    patientId: string | null;
    sessionVersion: number;
  }
}
