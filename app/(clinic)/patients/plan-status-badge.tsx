import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import type { PlanStatus } from "@/lib/data/patients";

const LABELS: Record<PlanStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending", tone: "neutral" },
  approved: { label: "Approved", tone: "success" },
  denied: { label: "Denied", tone: "danger" },
  suspended: { label: "Suspended", tone: "warning" },
  expired: { label: "Expired", tone: "warning" },
};

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { label, tone } = LABELS[status];
  return <Badge tone={tone}>{label}</Badge>;
}

/** Something waits for a clinician: a pause, or a new screening answer or health change to review. */
export function NeedsReviewBadge() {
  return <Badge tone="warning">Needs review</Badge>;
}

/** Home microneedling is stopped until a clinician clears it, whatever the plan's status says. */
export function PausedBadge() {
  return <Badge tone="danger">Paused</Badge>;
}
