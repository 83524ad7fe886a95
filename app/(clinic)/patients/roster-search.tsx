"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { inputClasses } from "@/app/_components/ui/field";
import { PLAN_STATUSES } from "@/lib/domain/clinical";

type Props = { initial: { q: string; status: string; sort: string } };

const STATUS_LABELS: Record<(typeof PLAN_STATUSES)[number], string> = {
  pending: "Pending (no decision)",
  approved: "Approved",
  denied: "Denied",
  suspended: "Suspended",
  expired: "Expired",
};

/** Search, filter and sort submit to the URL, so results are shareable and the back button works. */
export function RosterSearch({ initial }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const key of ["q", "status", "sort"]) {
      const value = String(form.get(key) ?? "").trim();
      if (value && !(key === "sort" && value === "name")) params.set(key, value);
    }
    startTransition(() => router.push(params.size ? `/patients?${params}` : "/patients"));
  }

  return (
    <form role="search" onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="roster-q" className="block text-sm font-medium text-slate-800">
          Search by name or MRN
        </label>
        <input id="roster-q" name="q" type="search" defaultValue={initial.q} maxLength={100} className={`${inputClasses} w-56`} />
      </div>
      <div>
        <label htmlFor="roster-status" className="block text-sm font-medium text-slate-800">
          Plan status
        </label>
        <select id="roster-status" name="status" defaultValue={initial.status} className={inputClasses}>
          <option value="">All</option>
          {PLAN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="roster-sort" className="block text-sm font-medium text-slate-800">
          Sort by
        </label>
        <select id="roster-sort" name="sort" defaultValue={initial.sort} className={inputClasses}>
          <option value="name">Name</option>
          <option value="reviewBy">Review date (soonest first)</option>
        </select>
      </div>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Searching…" : "Search"}
      </Button>
    </form>
  );
}
