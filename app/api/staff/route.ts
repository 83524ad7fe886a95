import { requireAdmin } from "@/lib/auth/session";
import { inviteStaff, listStaff } from "@/lib/data/staff";
import { apiRoute, noStore, readJson, searchParamsOf } from "@/lib/http/api";
import { setPasswordUrl } from "@/lib/http/set-password-url";
import { parseOrThrow } from "@/lib/validation/issues";
import { staffInviteSchema, staffListQuerySchema } from "@/lib/validation/staff";

export const GET = apiRoute(async (request) => {
  const actor = await requireAdmin();
  return noStore(listStaff(actor, parseOrThrow(staffListQuerySchema, searchParamsOf(request))));
});

export const POST = apiRoute(async (request) => {
  const actor = await requireAdmin();
  const { id, token, expiresAt } = inviteStaff(actor, parseOrThrow(staffInviteSchema, await readJson(request)));
  return noStore({ id, inviteUrl: setPasswordUrl(request, token), expiresAt }, { status: 201 });
});
