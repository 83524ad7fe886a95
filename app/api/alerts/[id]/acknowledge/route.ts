import { requireStaff } from "@/lib/auth/session";
import { acknowledgeAlert } from "@/lib/data/alerts";
import { apiRoute, noStore } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";

export const POST = apiRoute<IdContext>(async (_request, context) => noStore(acknowledgeAlert(await requireStaff(), await idParam(context))));
