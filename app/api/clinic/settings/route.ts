import { requireStaff } from "@/lib/auth/session";
import { getClinicSettings, updateClinicSettings, type SettingsSaveResult } from "@/lib/data/clinic-settings";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { clinicSettingsSchema } from "@/lib/validation/clinic-settings";
import { parseOrThrow } from "@/lib/validation/issues";
import { apiMethods } from "@/lib/http/methods";

const handleGet = apiRoute(async () => noStore(getClinicSettings(await requireStaff())));

/** 200 with the settings in force; 202 with the proposal when the save loosens a block class and waits for confirmation. */
const answer = (result: SettingsSaveResult) =>
  result.kind === "saved" ? noStore(result.settings) : noStore({ proposal: result.proposal, settings: result.settings, appliedNow: result.appliedNow }, { status: 202 });

const handlePut = apiRoute(async (request) => answer(updateClinicSettings(await requireStaff(), parseOrThrow(clinicSettingsSchema, await readJson(request)))));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet, PUT: handlePut });
