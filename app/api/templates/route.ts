import { requireStaff } from "@/lib/auth/session";
import { createPlanTemplate, listPlanTemplates } from "@/lib/data/templates";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { planTemplateSchema } from "@/lib/validation/plans";
import { apiMethods } from "@/lib/http/methods";

const handleGet = apiRoute(async () => noStore({ items: listPlanTemplates(await requireStaff()) }));

const handlePost = apiRoute(async (request) => {
  const actor = await requireStaff();
  const input = parseOrThrow(planTemplateSchema, await readJson(request));
  return noStore(createPlanTemplate(actor, input), { status: 201 });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet, POST: handlePost });
