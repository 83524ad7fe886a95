/**
 * How old server-rendered data is, by this browser's own clock: the portal's stand-in for a query
 * cache's staleness. A page restored by back/forward navigation is the same render, so it keeps the
 * time it first arrived rather than counting as new.
 */
const firstSeen = new Map<string, number>();

/** When this browser first received the server render named `renderId` (its `generatedAt`, say). */
export function receivedAt(renderId: string): number {
  if (!firstSeen.has(renderId)) firstSeen.set(renderId, Date.now());
  return firstSeen.get(renderId)!;
}

/** Data shown for longer than this is refreshed when the person comes back to it (as the clinic's queries do). */
export const STALE_AFTER_MS = 30_000;

/**
 * Calls `check` now and whenever the person comes back to the tab or the device comes back online,
 * while visible and online; returns the cleanup for an effect.
 */
export function onReturn(check: () => void): () => void {
  const run = () => {
    if (document.visibilityState === "visible" && navigator.onLine) check();
  };
  run();
  document.addEventListener("visibilitychange", run);
  window.addEventListener("online", run);
  return () => {
    document.removeEventListener("visibilitychange", run);
    window.removeEventListener("online", run);
  };
}
