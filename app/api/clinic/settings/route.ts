import { requireStaff } from "@/lib/auth/session";
import { getClinicSettings, updateClinicSettings } from "@/lib/data/clinic-settings";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { clinicSettingsSchema } from "@/lib/validation/clinic-settings";
import { parseOrThrow } from "@/lib/validation/issues";
import { apiMethods } from "@/lib/http/methods";

const handleGet = apiRoute(async () => noStore(getClinicSettings(await requireStaff())));

const handlePut = apiRoute(async (request) => noStore(updateClinicSettings(await requireStaff(), parseOrThrow(clinicSettingsSchema, await readJson(request)))));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet, PUT: handlePut });
