import { requirePatientAccess } from "@/lib/auth/guards";
import { requireStaff } from "@/lib/auth/session";
import { createPortalInvite } from "@/lib/data/invites";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { parseOrThrow } from "@/lib/validation/issues";
import { portalInviteSchema } from "@/lib/validation/patients";
import { apiMethods } from "@/lib/http/methods";

const handlePost = apiRoute<IdContext>(async (request, context) => {
  const actor = await requireStaff();
  const patientId = await idParam(context);
  requirePatientAccess(actor, patientId);
  const { email } = parseOrThrow(portalInviteSchema, await readJson(request));
  const invite = createPortalInvite(actor, patientId, email);
  const url = new URL(`/set-password/${invite.token}`, request.url).toString();
  return noStore({ url, email: invite.email, expiresAt: invite.expiresAt }, { status: 201 });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST: handlePost });
