import type { ReactNode } from "react";
import { AppHeader } from "@/app/_components/app-header";
import { ClinicCalendarProvider } from "@/app/_components/clinic-time";
import { requirePageActor } from "@/lib/auth/page-guards";
import { getOwnClinicName } from "@/lib/data/clinics";
import { clinicTimeZone } from "@/lib/data/clock";
import { getPauseNotice } from "@/lib/data/holds";
import { PauseBanner } from "./pause-banner";
import { PortalNav } from "./portal-nav";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor(["patient"]);
  const timeZone = clinicTimeZone();
  return (
    <ClinicCalendarProvider timeZone={timeZone}>
      <AppHeader home="/portal" context={getOwnClinicName(actor)} user={{ name: actor.name, roleLabel: "Patient" }} />
      {actor.patientId && <PauseBanner notice={getPauseNotice(actor, actor.patientId)} timeZone={timeZone} />}
      <PortalNav />
      <main className="mx-auto max-w-2xl px-4 py-6">{children}</main>
    </ClinicCalendarProvider>
  );
}
