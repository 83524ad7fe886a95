import { requireAdmin } from "@/lib/auth/session";
import { resetStaffMfa } from "@/lib/data/staff";
import { apiRoute, noStore } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";

/** Turns that person's two-factor sign-in off (a lost phone): 200 with the staff member. */
export const DELETE = apiRoute<IdContext>(async (_request, context) => noStore(resetStaffMfa(await requireAdmin(), await idParam(context))));
