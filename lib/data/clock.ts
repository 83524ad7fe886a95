import "server-only";
import { todayIso, type IsoDate } from "@/lib/domain/dates";
import { clinicTimeZone } from "@/lib/env";

/** Today's calendar date where the clinic is (CLINIC_TIME_ZONE), for expiry and review dates. */
export function clinicToday(now = new Date()): IsoDate {
  return todayIso(now, clinicTimeZone());
}

export { clinicTimeZone };
