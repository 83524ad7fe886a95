"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { inputClasses } from "@/app/_components/ui/field";

/** Search submits to the URL, so results are shareable and the back button works. */
export function RosterSearch({ initialQuery }: { initialQuery: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get("q") ?? "").trim();
    startTransition(() => router.push(q ? `/patients?${new URLSearchParams({ q })}` : "/patients"));
  }

  return (
    <form role="search" onSubmit={onSubmit} className="flex items-end gap-2">
      <div>
        <label htmlFor="roster-q" className="block text-sm font-medium text-slate-800">
          Search by name or MRN
        </label>
        <input id="roster-q" name="q" type="search" defaultValue={initialQuery} maxLength={100} className={`${inputClasses} w-64`} />
      </div>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Searching…" : "Search"}
      </Button>
    </form>
  );
}
