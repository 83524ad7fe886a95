import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { UnauthenticatedError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { requireRole } from "./guards";
import { authOptions } from "./options";
import { STAFF_ROLES, type Actor } from "./types";

/** The signed-in user for this request, re-checked against the database by the jwt callback. */
export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return { ...session.user, ip: clientIpFrom(await headers()) };
}

export async function requireUser(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

export async function requireStaff(): Promise<Actor> {
  return requireRole(await requireUser(), STAFF_ROLES);
}

/** Clinical decisions (screening, plans) are made by clinicians, not by admins or patients. */
export async function requireClinician(): Promise<Actor> {
  return requireRole(await requireUser(), ["clinician"]);
}

export async function requireAdmin(): Promise<Actor> {
  return requireRole(await requireUser(), ["admin"]);
}
