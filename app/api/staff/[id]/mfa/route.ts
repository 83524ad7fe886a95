import { requireAdmin } from "@/lib/auth/session";
import { resetStaffMfa } from "@/lib/data/staff";
import { apiRoute, noStore } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { apiMethods } from "@/lib/http/methods";

/** Turns that person's two-factor sign-in off (a lost phone): 200 with the staff member. */
const handleDelete = apiRoute<IdContext>(async (_request, context) => noStore(resetStaffMfa(await requireAdmin(), await idParam(context))));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ DELETE: handleDelete });
