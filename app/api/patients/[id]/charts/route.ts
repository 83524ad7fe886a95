import { requireUser } from "@/lib/auth/session";
import { getPatientCharts } from "@/lib/data/charts";
import { apiRoute, noStore, searchParamsOf } from "@/lib/http/api";
import { idParam, type IdContext } from "@/lib/http/params";
import { chartRangeQuerySchema } from "@/lib/validation/charts";
import { parseOrThrow } from "@/lib/validation/issues";

/** The patient's course of treatment as chart-ready rows (the patient themself or staff of the clinic). */
export const GET = apiRoute<IdContext>(async (request, context) =>
  noStore(getPatientCharts(await requireUser(), await idParam(context), parseOrThrow(chartRangeQuerySchema, searchParamsOf(request)).range)),
);
