import { requireStaff } from "@/lib/auth/session";
import { getClinicOverview } from "@/lib/data/overview";
import { apiRoute, noStore } from "@/lib/http/api";

/** The clinic at a glance: plans by status, alert and reaction trends, patients needing attention. */
export const GET = apiRoute(async () => noStore(getClinicOverview(await requireStaff())));
