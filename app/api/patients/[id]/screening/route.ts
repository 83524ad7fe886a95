import { requirePatientAccess } from "@/lib/auth/guards";
import { requireClinician, requireStaff } from "@/lib/auth/session";
import { getScreening, recordScreening } from "@/lib/data/screenings";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { parseOrThrow } from "@/lib/validation/issues";
import { screeningSchema } from "@/lib/validation/screening";
import { apiMethods } from "@/lib/http/methods";

const handleGet = apiRoute<IdContext>(async (_request, context) => {
  const actor = await requireStaff();
  return noStore({ screening: getScreening(actor, await idParam(context)) });
});

const handlePut = apiRoute<IdContext>(async (request, context) => {
  const actor = await requireClinician();
  const patientId = await idParam(context);
  requirePatientAccess(actor, patientId);
  const input = parseOrThrow(screeningSchema, await readJson(request));
  return noStore(recordScreening(actor, patientId, input));
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet, PUT: handlePut });
