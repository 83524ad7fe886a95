import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { recordAudit } from "@/lib/data/audit";
import { endSignInOnSignOut, resumeSignIn, startSignIn } from "@/lib/data/sign-ins";
import { authSecret } from "@/lib/env";
import { clientIpFrom } from "@/lib/http/client-ip";
import { authenticate } from "./authenticate";
import { sessionCookie } from "./cookies";
import { SESSION_ABSOLUTE_HOURS } from "./session-policy";

const SESSION_MAX_AGE_SECONDS = SESSION_ABSOLUTE_HOURS * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  // The cookie lives as long as the sign-in may; the sign-in row (lib/data/sign-ins.ts) decides sooner.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  cookies: {
    sessionToken: {
      name: sessionCookie().name,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: sessionCookie().secure },
    },
  },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Authentication code", type: "text" },
      },
      authorize: (credentials, req) => authenticate(credentials, clientIpFrom(req?.headers)),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const { sid } = startSignIn(user.id, user.ip ?? null);
        return {
          ...token,
          uid: user.id,
          sid,
          role: user.role,
          clinicId: user.clinicId,
          patientId: user.patientId,
          sessionVersion: user.sessionVersion,
        };
      }
      const state = resumeSignIn(token);
      // next-auth v4 only revokes a session when this callback throws; returning null keeps it.
      if (!state) throw new Error("Session revoked");
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
      endSignInOnSignOut(token.sid);
      recordAudit(getDb(), {
        action: "auth.sign_out",
        outcome: "success",
        actor: { id: token.uid, role: token.role, clinicId: token.clinicId, ip: null },
      });
    },
  },
};
