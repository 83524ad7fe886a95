import { requireUser } from "@/lib/auth/session";
import { getHomeCare } from "@/lib/data/home-care";
import { apiRoute, noStore } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { apiMethods } from "@/lib/http/methods";

/** The current plan with next allowed dates per area, for the portal and on-behalf forms. */
const handleGet = apiRoute<IdContext>(async (_request, context) => noStore(getHomeCare(await requireUser(), await idParam(context))));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet });
