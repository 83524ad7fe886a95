import { requireUser } from "@/lib/auth/session";
import { getPatientCharts } from "@/lib/data/charts";
import { apiRoute, noStore, searchParamsOf } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { chartRangeQuerySchema } from "@/lib/validation/charts";
import { parseOrThrow } from "@/lib/validation/issues";
import { apiMethods } from "@/lib/http/methods";

/** The patient's course of treatment as chart-ready rows (the patient themself or staff of the clinic). */
const handleGet = apiRoute<IdContext>(async (request, context) =>
  noStore(getPatientCharts(await requireUser(), await idParam(context), parseOrThrow(chartRangeQuerySchema, searchParamsOf(request)).range)),
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet });
