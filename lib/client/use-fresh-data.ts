import { useEffect, useRef, useState } from "react";
import { onReturn, receivedAt, STALE_AFTER_MS } from "./freshness";

/**
 * Server-rendered data kept fresh in the browser without a query library (the portal's phone budget
 * has no room for one): refetched by `load` when it is shown, or the person comes back to the tab,
 * once it is older than STALE_AFTER_MS. A failed refetch is tried once more after a second, then the
 * data on screen stays as it was. A new server render (`initial` under a new `renderId`) replaces it.
 */
export function useFreshData<T>(initial: T, renderId: string, load: () => Promise<T>): T {
  const [held, setHeld] = useState({ renderId, data: initial });
  if (held.renderId !== renderId) setHeld({ renderId, data: initial });
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let fetchedAt = receivedAt(renderId);
    let latest = 0;
    let active = true;
    async function refetch() {
      const request = ++latest;
      for (const delay of [0, 1_000]) {
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        try {
          const data = await loadRef.current();
          // Only the newest request may replace the data, so a slow older answer never wins.
          if (!active || request !== latest) return;
          fetchedAt = Date.now();
          setHeld((h) => (h.renderId === renderId ? { ...h, data } : h));
          return;
        } catch {
          if (!active || request !== latest) return;
        }
      }
    }
    const stopListening = onReturn(() => {
      if (Date.now() - fetchedAt > STALE_AFTER_MS) void refetch();
    });
    return () => {
      active = false;
      stopListening();
    };
  }, [renderId]);

  return held.data;
}
