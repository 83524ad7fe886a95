import { requireAdmin } from "@/lib/auth/session";
import { updateStaff } from "@/lib/data/staff";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { parseOrThrow } from "@/lib/validation/issues";
import { staffUpdateSchema } from "@/lib/validation/staff";
import { apiMethods } from "@/lib/http/methods";

/** `{role?, active?}`: a role change or a deactivation ends that person's sessions. */
const handlePatch = apiRoute<IdContext>(async (request, context) => {
  const actor = await requireAdmin();
  return noStore(updateStaff(actor, await idParam(context), parseOrThrow(staffUpdateSchema, await readJson(request))));
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ PATCH: handlePatch });
