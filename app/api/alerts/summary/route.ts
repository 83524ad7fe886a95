import { requireStaff } from "@/lib/auth/session";
import { countOpenAlerts } from "@/lib/data/alerts";
import { countReviewQueue } from "@/lib/data/review-queue";
import { apiRoute, noStore } from "@/lib/http/api";

/** The navigation badges: open alerts and reports waiting for review. */
export const GET = apiRoute(async () => {
  const actor = await requireStaff();
  return noStore({ ...countOpenAlerts(actor), toReview: countReviewQueue(actor) });
});
