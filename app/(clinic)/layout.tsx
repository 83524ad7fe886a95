import type { ReactNode } from "react";
import { AppHeader, NavLink } from "@/app/_components/app-header";
import { ClinicCalendarProvider } from "@/app/_components/clinic-time";
import { Providers } from "@/app/providers";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { countOpenAlerts } from "@/lib/data/alerts";
import { getOwnClinicName } from "@/lib/data/clinics";
import { clinicTimeZone } from "@/lib/data/clock";
import { countReviewQueue } from "@/lib/data/review-queue";
import { NavBadges } from "./nav-badges";

const ROLE_LABELS = { admin: "Clinic admin", clinician: "Clinician", patient: "Patient" } as const;

export default async function ClinicLayout({ children }: { children: ReactNode }) {
  // Each page checks two-factor enrolment itself, so the account page can render inside this layout.
  const actor = await requirePageActor(STAFF_ROLES, { allowMfaDue: true });
  // TanStack Query is the clinic's alone: the portal's pages do without it to stay within the phone budget.
  return (
    <Providers>
      <AppHeader
        home="/overview"
        context={getOwnClinicName(actor)}
        user={{ name: actor.name, roleLabel: ROLE_LABELS[actor.role] }}
        accountHref="/account"
        nav={
          <>
            <NavLink href="/overview">Overview</NavLink>
            <NavLink href="/patients">Patients</NavLink>
            <NavBadges initial={{ ...countOpenAlerts(actor), toReview: countReviewQueue(actor) }} />
            <NavLink href="/templates">Templates</NavLink>
            {/* Clinicians change the safety settings; admins read them. */}
            <NavLink href="/settings">Settings</NavLink>
            {actor.role === "admin" && <NavLink href="/staff">Staff</NavLink>}
            {actor.role === "admin" && <NavLink href="/audit">Audit</NavLink>}
            {actor.role === "admin" && <NavLink href="/exports">Export</NavLink>}
          </>
        }
      />
      <main className="mx-auto max-w-6xl px-4 py-6">
        <ClinicCalendarProvider timeZone={clinicTimeZone()}>{children}</ClinicCalendarProvider>
      </main>
    </Providers>
  );
}
