import { requireStaff } from "@/lib/auth/session";
import { getClinicSettings, updateClinicSettings } from "@/lib/data/clinic-settings";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { clinicSettingsSchema } from "@/lib/validation/clinic-settings";
import { parseOrThrow } from "@/lib/validation/issues";

export const GET = apiRoute(async () => noStore(getClinicSettings(await requireStaff())));

export const PUT = apiRoute(async (request) => noStore(updateClinicSettings(await requireStaff(), parseOrThrow(clinicSettingsSchema, await readJson(request)))));
