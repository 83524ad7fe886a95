import { requireStaff } from "@/lib/auth/session";
import { confirmSettingsProposal } from "@/lib/data/settings-proposals";
import { apiRoute, noStore } from "@/lib/http/api";
import { apiMethods } from "@/lib/http/methods";
import { idParam, type IdContext } from "@/lib/http/params";

const handlePost = apiRoute<IdContext>(async (_request, context) => noStore(confirmSettingsProposal(await requireStaff(), await idParam(context))));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ POST: handlePost });
