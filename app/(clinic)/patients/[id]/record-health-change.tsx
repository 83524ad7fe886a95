"use client";

import { useRouter } from "next/navigation";
import { HealthChangeForm } from "@/app/_components/health-change-form";

/** Staff write down what the patient said on the phone; the page is rendered again to show the pause or review. */
export function RecordHealthChange({ patientId, clinicPhone }: { patientId: string; clinicPhone: string | null }) {
  const router = useRouter();
  return <HealthChangeForm patientId={patientId} clinicPhone={clinicPhone} forStaff onSaved={() => router.refresh()} />;
}
