import { requireStaff } from "@/lib/auth/session";
import { listSettingsProposals } from "@/lib/data/settings-proposals";
import { apiRoute, noStore, searchParamsOf } from "@/lib/http/api";
import { apiMethods } from "@/lib/http/methods";
import { settingsProposalsQuerySchema } from "@/lib/validation/clinic-settings";
import { parseOrThrow } from "@/lib/validation/issues";

const handleGet = apiRoute(async (request) => noStore(listSettingsProposals(await requireStaff(), parseOrThrow(settingsProposalsQuerySchema, searchParamsOf(request)))));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet });
