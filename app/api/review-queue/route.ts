import { requireStaff } from "@/lib/auth/session";
import { listReviewQueue, signOffReport } from "@/lib/data/review-queue";
import { apiRoute, noStore, readJson } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { reviewSignOffSchema } from "@/lib/validation/reports";

export const GET = apiRoute(async () => noStore({ items: listReviewQueue(await requireStaff()) }));

/** Signs one report off as reviewed. */
export const POST = apiRoute(async (request) => {
  const actor = await requireStaff();
  const { kind, id } = parseOrThrow(reviewSignOffSchema, await readJson(request));
  signOffReport(actor, kind, id);
  return new Response(null, { status: 204 });
});
