import { requireStaff } from "@/lib/auth/session";
import { confirmMfaEnrolment } from "@/lib/data/mfa";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { mfaCodeSchema } from "@/lib/validation/auth";

/** A current code from the new secret: `{recoveryCodes}` (shown once); two-factor is now required. */
export const POST = apiRoute(async (request) => noStore(confirmMfaEnrolment(await requireStaff({ allowMfaDue: true }), parseOrThrow(mfaCodeSchema, await readJson(request)).code)));
