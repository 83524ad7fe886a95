import { requireStaff } from "@/lib/auth/session";
import { listAlerts } from "@/lib/data/alerts";
import { apiRoute, noStore, searchParamsOf } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { alertListQuerySchema } from "@/lib/validation/reports";

/** One page of the clinic's alerts in one state: `{items, total, page, pageSize}`. */
export const GET = apiRoute(async (request) => {
  const actor = await requireStaff();
  return noStore(listAlerts(actor, parseOrThrow(alertListQuerySchema, searchParamsOf(request))));
});
