import { requireAdmin } from "@/lib/auth/session";
import { inviteStaff, listStaff } from "@/lib/data/staff";
import { apiRoute, noStore, readJson, searchParamsOf } from "@/lib/http/api";
import { setPasswordUrl } from "@/lib/http/set-password-url";
import { parseOrThrow } from "@/lib/validation/issues";
import { staffInviteSchema, staffListQuerySchema } from "@/lib/validation/staff";
import { apiMethods } from "@/lib/http/methods";

const handleGet = apiRoute(async (request) => {
  const actor = await requireAdmin();
  return noStore(listStaff(actor, parseOrThrow(staffListQuerySchema, searchParamsOf(request))));
});

const handlePost = apiRoute(async (request) => {
  const actor = await requireAdmin();
  const { id, token, expiresAt } = inviteStaff(actor, parseOrThrow(staffInviteSchema, await readJson(request)));
  return noStore({ id, inviteUrl: setPasswordUrl(request, token), expiresAt }, { status: 201 });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet, POST: handlePost });
