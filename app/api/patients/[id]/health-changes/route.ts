import { requirePatientAccess } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { listHealthChanges, reportHealthChange } from "@/lib/data/health-changes";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { apiMethods } from "@/lib/http/methods";
import { idParam, type IdContext } from "@/lib/http/params";
import { healthChangeReportSchema } from "@/lib/validation/health-changes";
import { parseOrThrow } from "@/lib/validation/issues";

const handleGet = apiRoute<IdContext>(async (_request, context) => noStore({ items: listHealthChanges(await requireUser(), await idParam(context)) }));

const handlePost = apiRoute<IdContext>(async (request, context) => {
  const actor = await requireUser();
  // Scoped before the body is read: another clinic's patient is 404 whatever was sent.
  const patientId = requirePatientAccess(actor, await idParam(context)).id;
  return noStore(reportHealthChange(actor, patientId, parseOrThrow(healthChangeReportSchema, await readJson(request))), { status: 201 });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet, POST: handlePost });
