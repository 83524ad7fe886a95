import { requirePatientAccess } from "@/lib/auth/guards";
import { requireStaff, requireUser } from "@/lib/auth/session";
import { getPatient, updatePatient } from "@/lib/data/patients";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { parseOrThrow } from "@/lib/validation/issues";
import { patientUpdateSchema } from "@/lib/validation/patients";
import { apiMethods } from "@/lib/http/methods";

const handleGet = apiRoute<IdContext>(async (_request, context) => {
  const actor = await requireUser();
  return noStore(getPatient(actor, await idParam(context)));
});

const handlePatch = apiRoute<IdContext>(async (request, context) => {
  const actor = await requireStaff();
  const patientId = await idParam(context);
  requirePatientAccess(actor, patientId);
  const input = parseOrThrow(patientUpdateSchema, await readJson(request));
  return noStore(updatePatient(actor, patientId, input));
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet, PATCH: handlePatch });
