import { requireStaff } from "@/lib/auth/session";
import { listReviewQueue, signOffReport } from "@/lib/data/review-queue";
import { apiRoute, noStore, readJson, searchParamsOf } from "@/lib/http/api";
import { parseOrThrow } from "@/lib/validation/issues";
import { reviewQueueQuerySchema, reviewSignOffSchema } from "@/lib/validation/reports";
import { apiMethods } from "@/lib/http/methods";

/** One page of the reports waiting for sign-off, newest first: `{items, total, page, pageSize}`. */
const handleGet = apiRoute(async (request) => {
  const actor = await requireStaff();
  return noStore(listReviewQueue(actor, parseOrThrow(reviewQueueQuerySchema, searchParamsOf(request))));
});

/** Signs one report off as reviewed. */
const handlePost = apiRoute(async (request) => {
  const actor = await requireStaff();
  const { kind, id } = parseOrThrow(reviewSignOffSchema, await readJson(request));
  signOffReport(actor, kind, id);
  return new Response(null, { status: 204 });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet, POST: handlePost });
