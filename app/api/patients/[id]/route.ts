import { requirePatientAccess } from "@/lib/auth/guards";
import { requireStaff, requireUser } from "@/lib/auth/session";
import { getPatient, updatePatient } from "@/lib/data/patients";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { parseOrThrow } from "@/lib/validation/issues";
import { patientUpdateSchema } from "@/lib/validation/patients";

export const GET = apiRoute<IdContext>(async (_request, context) => {
  const actor = await requireUser();
  return noStore(getPatient(actor, await idParam(context)));
});

export const PATCH = apiRoute<IdContext>(async (request, context) => {
  const actor = await requireStaff();
  const patientId = await idParam(context);
  requirePatientAccess(actor, patientId);
  const input = parseOrThrow(patientUpdateSchema, await readJson(request));
  return noStore(updatePatient(actor, patientId, input));
});
