import { requireStaff } from "@/lib/auth/guards";
import { listPatients } from "@/lib/data/patients";
import { apiRoute, noStore, searchParamsOf } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { patientListQuerySchema } from "@/lib/validation/patients";

export const GET = apiRoute(async (request) => {
  const actor = await requireStaff();
  const query = parseOrThrow(patientListQuerySchema, searchParamsOf(request));
  return noStore(listPatients(actor, query));
});
