import { requireStaff } from "@/lib/auth/session";
import { confirmMfaEnrolment } from "@/lib/data/mfa";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { mfaCodeSchema } from "@/lib/validation/auth";
import { apiMethods } from "@/lib/http/methods";

/** A current code from the new secret: `{recoveryCodes}` (shown once); two-factor is now required. */
const handlePost = apiRoute(async (request) => noStore(confirmMfaEnrolment(await requireStaff({ allowMfaDue: true }), parseOrThrow(mfaCodeSchema, await readJson(request)).code)));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST: handlePost });
