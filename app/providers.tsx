"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

/**
 * The clinic's TanStack Query client, mounted by the clinic layout only: the portal does without a
 * query library (about 11 kB gzip) to keep its pages within the phone budget.
 */
export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab (the clinic layout stays mounted across its pages), created lazily so
  // server renders never share a cache.
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
