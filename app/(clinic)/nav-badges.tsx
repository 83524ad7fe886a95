"use client";

import { useQuery } from "@tanstack/react-query";
import { NavLink } from "@/app/_components/app-header";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";

type Summary = { open: number; high: number; toReview: number };

/**
 * Alert and review counts in the navigation, refreshing on their own every 30 seconds. `high` counts
 * high alerts no clinician has acknowledged or resolved: an admin's note leaves the badge red.
 */
export function NavBadges({ initial }: { initial: Summary }) {
  const { data } = useQuery({
    queryKey: queryKeys.alertSummary,
    queryFn: () => apiFetch<Summary>("/api/alerts/summary"),
    initialData: initial,
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });
  return (
    <>
      <NavLink href="/alerts">
        Alerts <Count value={data.open} urgent={data.high > 0} label={`${data.open} open alerts${data.high ? `, ${data.high} high waiting for a clinician` : ""}`} />
      </NavLink>
      <NavLink href="/review">
        To review <Count value={data.toReview} label={`${data.toReview} reports to review`} />
      </NavLink>
    </>
  );
}

function Count({ value, urgent = false, label }: { value: number; urgent?: boolean; label: string }) {
  if (value === 0) return null;
  return (
    <span data-testid="nav-count" aria-label={label} className={`ml-1 rounded-full px-2 py-0.5 text-xs font-semibold ${urgent ? "bg-red-700 text-white" : "bg-slate-200 text-slate-900"}`}>
      {value}
    </span>
  );
}
