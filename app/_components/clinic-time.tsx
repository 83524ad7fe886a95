"use client";

import { createContext, useContext, type ReactNode } from "react";
import { formatClinicDateTime, formatClinicDay } from "@/lib/domain/dates";

const ClinicZone = createContext("UTC");

/** The clinic's time zone for every moment shown below it; the server and the browser render the same text. */
export function ClinicCalendarProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <ClinicZone.Provider value={timeZone}>{children}</ClinicZone.Provider>;
}

/** The clinic's IANA time zone, for rules and words that take a day from a moment. */
export function useClinicTimeZone(): string {
  return useContext(ClinicZone);
}

/** Formats moments on the clinic's calendar (lib/domain/dates.ts), with the zone named on times. */
export function useClinicFormatter(): (iso: string, dateOnly?: boolean) => string {
  const timeZone = useContext(ClinicZone);
  return (iso, dateOnly = false) => (dateOnly ? formatClinicDay(iso, timeZone, true) : formatClinicDateTime(iso, timeZone));
}

/** A moment shown in the clinic's time zone, as everywhere else in the product. */
export function ClinicTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const format = useClinicFormatter();
  return <time dateTime={iso}>{format(iso, dateOnly)}</time>;
}
