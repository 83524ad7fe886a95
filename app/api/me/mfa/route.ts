import { requireStaff } from "@/lib/auth/session";
import { disableMfa, startMfaEnrolment } from "@/lib/data/mfa";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { mfaCodeSchema } from "@/lib/validation/auth";
import { apiMethods } from "@/lib/http/methods";

/** Starts enrolment: `{secret, otpauthUri}`; two-factor is on only once a code confirms it. */
const handlePost = apiRoute(async () => noStore(startMfaEnrolment(await requireStaff({ allowMfaDue: true }))));

/** Turns two-factor off, with a current code or a recovery code: `{code}`. */
const handleDelete = apiRoute(async (request) => {
  disableMfa(await requireStaff({ allowMfaDue: true }), parseOrThrow(mfaCodeSchema, await readJson(request)).code);
  return noStore({ enabled: false });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST: handlePost, DELETE: handleDelete });
