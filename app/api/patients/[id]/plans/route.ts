import { requirePatientAccess } from "@/lib/auth/guards";
import { requireClinician, requireUser } from "@/lib/auth/session";
import { decidePlan, listPlanVersions } from "@/lib/data/plans";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { parseOrThrow } from "@/lib/validation/issues";
import { planDecisionSchema } from "@/lib/validation/plans";

export const GET = apiRoute<IdContext>(async (_request, context) => {
  const actor = await requireUser();
  return noStore({ items: listPlanVersions(actor, await idParam(context)) });
});

export const POST = apiRoute<IdContext>(async (request, context) => {
  const actor = await requireClinician();
  const patientId = await idParam(context);
  // Scope before reading the body: someone outside the clinic learns nothing, not even validation errors.
  requirePatientAccess(actor, patientId);
  const input = parseOrThrow(planDecisionSchema, await readJson(request));
  return noStore(decidePlan(actor, patientId, input), { status: 201 });
});
