import { requireStaff } from "@/lib/auth/session";
import { addAlertNote } from "@/lib/data/alert-notes";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { parseOrThrow } from "@/lib/validation/issues";
import { alertNoteSchema } from "@/lib/validation/alerts";
import { apiMethods } from "@/lib/http/methods";

/** A note on an alert, or the recorded call to a patient without portal access (`kind: "call"`): 201 with the note. */
const handlePost = apiRoute<IdContext>(async (request, context) => {
  const actor = await requireStaff();
  return noStore(addAlertNote(actor, await idParam(context), parseOrThrow(alertNoteSchema, await readJson(request))), { status: 201 });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST: handlePost });
