import { requireStaff } from "@/lib/auth/session";
import { listAlerts } from "@/lib/data/alerts";
import { apiRoute, noStore, searchParamsOf } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { alertListQuerySchema } from "@/lib/validation/reports";
import { apiMethods } from "@/lib/http/methods";

/** One page of the clinic's alerts in one state: `{items, total, page, pageSize}`. */
const handleGet = apiRoute(async (request) => {
  const actor = await requireStaff();
  return noStore(listAlerts(actor, parseOrThrow(alertListQuerySchema, searchParamsOf(request))));
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet });
