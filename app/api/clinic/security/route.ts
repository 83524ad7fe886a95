import { requireAdmin, requireStaff } from "@/lib/auth/session";
import { getClinicSecurity, updateClinicSecurity } from "@/lib/data/clinic-security";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { clinicSecuritySchema } from "@/lib/validation/auth";

/** `{requireStaffMfa}`: whether the clinic's staff must use two-factor sign-in. */
export const GET = apiRoute(async () => noStore(getClinicSecurity(await requireStaff())));

/** Admins only; staff without two-factor sign-in are asked to set it up at their next request. */
export const PUT = apiRoute(async (request) => noStore(updateClinicSecurity(await requireAdmin(), parseOrThrow(clinicSecuritySchema, await readJson(request)))));
