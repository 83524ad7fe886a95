"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** Formats moments in the reader's zone in the browser, and in UTC during server rendering. */
export function useLocalFormatter(): (iso: string, dateOnly?: boolean) => string {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return (iso, dateOnly = false) => format(iso, dateOnly, inBrowser ? undefined : "UTC");
}

/**
 * A moment shown in the reader's own time zone, so a patient sees the time they actually did their
 * session. The server renders UTC; the browser swaps in local time right after hydration.
 */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const formatLocal = useLocalFormatter();
  return <time dateTime={iso}>{formatLocal(iso, dateOnly)}</time>;
}

function format(iso: string, dateOnly: boolean, timeZone: string | undefined): string {
  const options: Intl.DateTimeFormatOptions = dateOnly
    ? { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone }
    : { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: timeZone ? "short" : undefined };
  return new Intl.DateTimeFormat("en-GB", options).format(new Date(iso));
}
