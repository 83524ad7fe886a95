"use client";

import { useRouter } from "next/navigation";
import { HealthChangeForm } from "@/app/_components/health-change-form";

/** The portal's binding: after a report the page is rendered again, so the stop banner shows at once. */
export function PortalHealthChangeForm({ patientId, clinicPhone }: { patientId: string; clinicPhone: string | null }) {
  const router = useRouter();
  return <HealthChangeForm patientId={patientId} clinicPhone={clinicPhone} onSaved={() => router.refresh()} />;
}
