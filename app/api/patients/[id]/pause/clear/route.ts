import { requirePatientAccess, requireRole } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { clearPause } from "@/lib/data/holds";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { apiMethods } from "@/lib/http/methods";
import { idParam, type IdContext } from "@/lib/http/params";
import { pauseClearSchema } from "@/lib/validation/health-changes";
import { parseOrThrow } from "@/lib/validation/issues";

const handlePost = apiRoute<IdContext>(async (request, context) => {
  // Role and scope before the body: an admin is told 403 and another clinic's patient 404, whatever was sent.
  const actor = requireRole(await requireUser(), ["clinician"], "pause.clear");
  const patientId = requirePatientAccess(actor, await idParam(context)).id;
  return noStore(clearPause(actor, patientId, parseOrThrow(pauseClearSchema, await readJson(request))));
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST: handlePost });
