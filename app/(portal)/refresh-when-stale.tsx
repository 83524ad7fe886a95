"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { onReturn, receivedAt, STALE_AFTER_MS } from "@/lib/client/freshness";

/**
 * Renders the page again on the server when it is shown older than STALE_AFTER_MS (restored by the
 * back button, or the patient returns to a tab left open), so a plan suspended meanwhile shows
 * without a reload. `renderedAt` names this server render. Only on pages without a form: if the
 * refresh fails, Next.js falls back to a full page load.
 */
export function RefreshWhenStale({ renderedAt }: { renderedAt: string }) {
  const router = useRouter();
  useEffect(() => {
    const since = receivedAt(renderedAt);
    let asked = false;
    return onReturn(() => {
      if (asked || Date.now() - since <= STALE_AFTER_MS) return;
      asked = true;
      router.refresh();
    });
  }, [renderedAt, router]);
  return null;
}
