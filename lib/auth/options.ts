import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { recordAudit } from "@/lib/data/audit";
import { getSessionState } from "@/lib/data/users";
import { authSecret } from "@/lib/env";
import { clientIpFrom } from "@/lib/http/client-ip";
import { authenticate } from "./authenticate";

/** A clinic working day; after that the user signs in again. */
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      authorize: (credentials, req) => authenticate(credentials, clientIpFrom(req?.headers)),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        return {
          ...token,
          uid: user.id,
          role: user.role,
          clinicId: user.clinicId,
          patientId: user.patientId,
          sessionVersion: user.sessionVersion,
        };
      }
      const state = token.uid ? getSessionState(token.uid) : undefined;
      // next-auth v4 only revokes a session when this callback throws; returning null keeps it.
      if (!state || !state.active || state.sessionVersion !== token.sessionVersion) {
        throw new Error("Session revoked");
      }
      return {
        ...token,
        name: state.name,
        email: state.email,
        role: state.role,
        clinicId: state.clinicId,
        patientId: state.patientId,
      };
    },
    session({ session, token }) {
      session.user = {
        id: token.uid,
        email: token.email ?? "",
        name: token.name ?? "",
        role: token.role,
        clinicId: token.clinicId,
        patientId: token.patientId,
      };
      return session;
    },
  },
  logger: {
    error(code, metadata) {
      // A revoked or disabled session is expected, not a server fault: one line, no stack.
      if (code === "JWT_SESSION_ERROR") return console.warn("[auth] session rejected:", String((metadata as Error)?.message ?? metadata));
      console.error(`[auth] ${code}`, metadata);
    },
    warn(code) {
      console.warn(`[auth] ${code}`);
    },
    debug() {},
  },
  events: {
    signOut({ token }) {
      if (!token?.uid) return;
      recordAudit(getDb(), {
        action: "auth.sign_out",
        outcome: "success",
        actor: { id: token.uid, role: token.role, clinicId: token.clinicId, ip: null },
      });
    },
  },
};
