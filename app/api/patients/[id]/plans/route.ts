import { requirePatientAccess } from "@/lib/auth/guards";
import { requireClinician, requireUser } from "@/lib/auth/session";
import { decidePlan, listPlanVersions } from "@/lib/data/plans";
import { apiRoute, noStore, readJson, searchParamsOf } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { parseOrThrow } from "@/lib/validation/issues";
import { planDecisionSchema } from "@/lib/validation/plans";
import { reportListQuerySchema } from "@/lib/validation/reports";
import { apiMethods } from "@/lib/http/methods";

/** The plan's decisions, newest first: `{items, total, page, pageSize}`. */
const handleGet = apiRoute<IdContext>(async (request, context) => {
  const actor = await requireUser();
  return noStore(listPlanVersions(actor, await idParam(context), parseOrThrow(reportListQuerySchema, searchParamsOf(request))));
});

const handlePost = apiRoute<IdContext>(async (request, context) => {
  const actor = await requireClinician();
  const patientId = await idParam(context);
  // Scope before reading the body: someone outside the clinic learns nothing, not even validation errors.
  requirePatientAccess(actor, patientId);
  const input = parseOrThrow(planDecisionSchema, await readJson(request));
  return noStore(decidePlan(actor, patientId, input), { status: 201 });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet, POST: handlePost });
