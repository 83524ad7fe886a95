import { requireAdmin } from "@/lib/auth/session";
import { resetStaffPassword } from "@/lib/data/staff";
import { apiRoute, noStore } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { setPasswordUrl } from "@/lib/http/set-password-url";
import { apiMethods } from "@/lib/http/methods";

/** A new one-time set-password link; the old password and every session of that person end now. */
const handlePost = apiRoute<IdContext>(async (request, context) => {
  const { token, expiresAt } = resetStaffPassword(await requireAdmin(), await idParam(context));
  return noStore({ inviteUrl: setPasswordUrl(request, token), expiresAt });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST: handlePost });
