import { requireStaff } from "@/lib/auth/session";
import { acknowledgeAlert } from "@/lib/data/alerts";
import { apiRoute, noStore } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { apiMethods } from "@/lib/http/methods";

const handlePost = apiRoute<IdContext>(async (_request, context) => noStore(acknowledgeAlert(await requireStaff(), await idParam(context))));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST: handlePost });
