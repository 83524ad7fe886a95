import { requireStaff } from "@/lib/auth/session";
import { disableMfa, startMfaEnrolment } from "@/lib/data/mfa";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { mfaCodeSchema } from "@/lib/validation/auth";

/** Starts enrolment: `{secret, otpauthUri}`; two-factor is on only once a code confirms it. */
export const POST = apiRoute(async () => noStore(startMfaEnrolment(await requireStaff({ allowMfaDue: true }))));

/** Turns two-factor off, with a current code or a recovery code: `{code}`. */
export const DELETE = apiRoute(async (request) => {
  disableMfa(await requireStaff({ allowMfaDue: true }), parseOrThrow(mfaCodeSchema, await readJson(request)).code);
  return noStore({ enabled: false });
});
