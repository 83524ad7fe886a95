import { requireStaffSignIn } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/data/account";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { passwordChangeSchema } from "@/lib/validation/auth";
import { apiMethods } from "@/lib/http/methods";

/** Staff change their own password `{currentPassword, newPassword, confirm}`; their other sign-ins end. */
const handlePost = apiRoute(async (request) => {
  const { actor, sid } = await requireStaffSignIn();
  await changeOwnPassword(actor, sid, parseOrThrow(passwordChangeSchema, await readJson(request)));
  return noStore({ changed: true });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST: handlePost });
