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

/** The approved plan is paused: a new blocking contraindication was screened since it was decided. */
export function NeedsReviewBadge() {
  return <Badge tone="danger">Needs review</Badge>;
}
