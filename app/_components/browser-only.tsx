"use client";

import { useSyncExternalStore, type ReactNode } from "react";

const subscribe = () => () => {};

/**
 * Renders its children only in the browser. Forms that default to "now" in the patient's own time
 * zone use it, so the server (in UTC) never renders a different time than the browser would.
 */
export function BrowserOnly({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return inBrowser ? children : fallback;
}

export function FormSkeleton() {
  return (
    <div role="status" aria-label="Loading the form" className="space-y-3">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="h-12 animate-pulse rounded bg-slate-200" />
      ))}
    </div>
  );
}
