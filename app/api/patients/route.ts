import { requireStaff } from "@/lib/auth/session";
import { createPatient, listPatients } from "@/lib/data/patients";
import { apiRoute, noStore, readJson, searchParamsOf } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { patientCreateSchema, patientListQuerySchema } from "@/lib/validation/patients";
import { apiMethods } from "@/lib/http/methods";

const handleGet = apiRoute(async (request) => {
  const actor = await requireStaff();
  const query = parseOrThrow(patientListQuerySchema, searchParamsOf(request));
  return noStore(listPatients(actor, query));
});

const handlePost = apiRoute(async (request) => {
  const actor = await requireStaff();
  const input = parseOrThrow(patientCreateSchema, await readJson(request));
  return noStore(createPatient(actor, input), { status: 201 });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet, POST: handlePost });
