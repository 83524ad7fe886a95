import { z } from "zod";
import { CHART_RANGES } from "@/lib/charts/types";

export const chartRangeQuerySchema = z.object({
  range: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.enum(CHART_RANGES, { error: `range must be one of ${CHART_RANGES.join(", ")}.` }).default("90d"),
  ),
});
export type ChartRangeQuery = z.infer<typeof chartRangeQuerySchema>;
