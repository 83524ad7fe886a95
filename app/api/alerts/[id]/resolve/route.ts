import { requireStaff } from "@/lib/auth/session";
import { resolveAlert } from "@/lib/data/alerts";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { parseOrThrow } from "@/lib/validation/issues";
import { alertResolveSchema } from "@/lib/validation/reports";
import { apiMethods } from "@/lib/http/methods";

const handlePost = apiRoute<IdContext>(async (request, context) => {
  const actor = await requireStaff();
  const input = parseOrThrow(alertResolveSchema, await readJson(request));
  return noStore(resolveAlert(actor, await idParam(context), input));
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST: handlePost });
