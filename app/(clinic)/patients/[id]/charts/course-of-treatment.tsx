"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card } from "@/app/_components/ui/card";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { DEFAULT_CHART_RANGE } from "@/lib/charts/ranges";
import { CHART_RANGE_LABELS, type ChartRange, type PatientCharts } from "@/lib/charts/types";
import { ChartsBody } from "./charts-body";
import { RangeSelector } from "./range-selector";

function fetchCharts(patientId: string, range: ChartRange): Promise<PatientCharts> {
  return apiFetch<PatientCharts>(`/api/patients/${patientId}/charts?range=${range}`);
}

/**
 * "Course of treatment" at the top of the patient page: a range selector and four charts. Changing the
 * range refetches while the previous range stays on screen (dimmed), so the layout never jumps.
 */
export function CourseOfTreatment({ patientId, initialData, minIntervalDays }: { patientId: string; initialData?: PatientCharts; minIntervalDays: number | null }) {
  const [range, setRange] = useState<ChartRange>(initialData?.range ?? DEFAULT_CHART_RANGE);
  const { data, isError, isPlaceholderData, refetch, isFetching } = useQuery({
    queryKey: queryKeys.charts(patientId, range),
    queryFn: () => fetchCharts(patientId, range),
    initialData: initialData?.range === range ? initialData : undefined,
    placeholderData: keepPreviousData,
  });

  return (
    <Card aria-labelledby="course-heading" aria-busy={isFetching}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="course-heading" className="text-lg font-semibold">
          Course of treatment
        </h2>
        <RangeSelector value={range} onChange={setRange} />
      </div>
      <p role="status" className="mt-1 min-h-5 text-sm text-slate-600">
        {isPlaceholderData ? `Loading ${CHART_RANGE_LABELS[range].toLowerCase()}…` : ""}
      </p>
      {isError && data && !isPlaceholderData && (
        <p className="text-sm text-red-700">
          Could not refresh the charts.{" "}
          <button type="button" className="underline" onClick={() => refetch()}>
            Try again
          </button>
        </p>
      )}
      {data ? (
        <ChartsBody data={data} stale={isPlaceholderData} minIntervalDays={minIntervalDays} />
      ) : isError ? (
        <div role="alert" className="mt-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          The charts could not be loaded.{" "}
          <button type="button" className="font-medium underline" onClick={() => refetch()}>
            Try again
          </button>
        </div>
      ) : (
        <ChartsSkeleton />
      )}
    </Card>
  );
}

function ChartsSkeleton() {
  return (
    <div role="status" aria-label="Loading the charts" className="mt-3 grid gap-4 lg:grid-cols-2">
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="h-72 animate-pulse rounded-md bg-slate-100" />
      ))}
    </div>
  );
}
