import { requireUser } from "@/lib/auth/session";
import { getHomeCare } from "@/lib/data/home-care";
import { apiRoute, noStore } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";

/** The current plan with next allowed dates per area, for the portal and on-behalf forms. */
export const GET = apiRoute<IdContext>(async (_request, context) => noStore(getHomeCare(await requireUser(), await idParam(context))));
