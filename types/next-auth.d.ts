import type { Role } from "@/lib/domain/roles";
import type { SessionUser } from "@/lib/auth/types";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User extends SessionUser {
    sessionVersion: number;
    /** The address the sign-in came from, recorded on its sign-in row. */
    ip?: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    clinicId: string;
    patientId: string | null;
    sessionVersion: number;
    /** The sign-in row (sign_in_sessions) this token belongs to. */
    sid: string;
  }
}
