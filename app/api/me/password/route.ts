import { requireSignIn } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/data/account";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { passwordChangeSchema } from "@/lib/validation/auth";

/** Staff change their own password `{currentPassword, newPassword, confirm}`; their other sign-ins end. */
export const POST = apiRoute(async (request) => {
  const { actor, sid } = await requireSignIn();
  await changeOwnPassword(actor, sid, parseOrThrow(passwordChangeSchema, await readJson(request)));
  return noStore({ changed: true });
});
