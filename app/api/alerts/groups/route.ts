import { requireStaff } from "@/lib/auth/session";
import { actOnAlertGroup, listAlertGroups } from "@/lib/data/alert-groups";
import { apiRoute, noStore, readJson, searchParamsOf } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { alertGroupActionSchema, alertGroupQuerySchema } from "@/lib/validation/reports";
import { apiMethods } from "@/lib/http/methods";

/** Open alerts grouped by patient and kind, groups holding a high alert first. */
const handleGet = apiRoute(async (request) => {
  const actor = await requireStaff();
  return noStore(listAlertGroups(actor, parseOrThrow(alertGroupQuerySchema, searchParamsOf(request))));
});

/** Acknowledges or resolves a whole group up to the newest alert the user saw: `{updated}`. */
const handlePost = apiRoute(async (request) => {
  const actor = await requireStaff();
  return noStore(actOnAlertGroup(actor, parseOrThrow(alertGroupActionSchema, await readJson(request))));
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet, POST: handlePost });
