import { requireStaff } from "@/lib/auth/session";
import { getClinicOverview } from "@/lib/data/overview";
import { apiRoute, noStore } from "@/lib/http/api";
import { apiMethods } from "@/lib/http/methods";

/** The clinic at a glance: plans by status, alert and reaction trends, patients needing attention. */
const handleGet = apiRoute(async () => noStore(getClinicOverview(await requireStaff())));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet });
