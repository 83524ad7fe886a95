import { requireStaff } from "@/lib/auth/session";
import { deletePlanTemplate } from "@/lib/data/templates";
import { apiRoute } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { apiMethods } from "@/lib/http/methods";

const handleDelete = apiRoute<IdContext>(async (_request, context) => {
  deletePlanTemplate(await requireStaff(), await idParam(context));
  return new Response(null, { status: 204 });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ DELETE: handleDelete });
