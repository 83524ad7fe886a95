import { requireAdmin, requireStaff } from "@/lib/auth/session";
import { getClinicSecurity, updateClinicSecurity } from "@/lib/data/clinic-security";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { clinicSecuritySchema } from "@/lib/validation/auth";
import { apiMethods } from "@/lib/http/methods";

/** `{requireStaffMfa}`: whether the clinic's staff must use two-factor sign-in. */
const handleGet = apiRoute(async () => noStore(getClinicSecurity(await requireStaff())));

/** Admins only; staff without two-factor sign-in are asked to set it up at their next request. */
const handlePut = apiRoute(async (request) => noStore(updateClinicSecurity(await requireAdmin(), parseOrThrow(clinicSecuritySchema, await readJson(request)))));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet, PUT: handlePut });
