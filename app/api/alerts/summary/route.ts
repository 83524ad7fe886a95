import { requireStaff } from "@/lib/auth/session";
import { countOpenAlerts } from "@/lib/data/alerts";
import { countReviewQueue } from "@/lib/data/review-queue";
import { apiRoute, noStore } from "@/lib/http/api";
import { apiMethods } from "@/lib/http/methods";

/** The navigation badges: open alerts and reports waiting for review. */
const handleGet = apiRoute(async () => {
  const actor = await requireStaff();
  return noStore({ ...countOpenAlerts(actor), toReview: countReviewQueue(actor) });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet });
