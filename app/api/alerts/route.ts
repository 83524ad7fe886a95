import { requireStaff } from "@/lib/auth/session";
import { listAlerts } from "@/lib/data/alerts";
import { apiRoute, noStore, searchParamsOf } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { alertStatusQuerySchema } from "@/lib/validation/reports";

export const GET = apiRoute(async (request) => {
  const actor = await requireStaff();
  const { status } = parseOrThrow(alertStatusQuerySchema, searchParamsOf(request));
  return noStore({ items: listAlerts(actor, status) });
});
