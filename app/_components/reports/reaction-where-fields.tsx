"use client";

import { SelectField } from "@/app/_components/ui/form-controls";
import { AREA_LABELS, formatMm, type Area } from "@/lib/domain/clinical";
import type { HomeCare } from "@/lib/data/home-care";
import { useClinicFormatter } from "../clinic-time";
import { AreaOptions } from "./area-options";

type Props = {
  homeCare: HomeCare;
  area: string;
  sessionId: string;
  onAreaChange: (area: string) => void;
  onSessionChange: (sessionId: string) => void;
  errors: { area?: string; sessionId?: string };
};

const areaName = (area: string) => (AREA_LABELS[area as Area] ?? area).toLowerCase();

/**
 * "Where is it?" is always asked: a reaction linked to the latest session in any area once lost a
 * lasting face reaction behind a neck session. The session is optional and only offered in that area.
 */
export function ReactionWhereFields({ homeCare, area, sessionId, onAreaChange, onSessionChange, errors }: Props) {
  const formatTime = useClinicFormatter();
  const planAreas = (homeCare.plan?.areas ?? []).map((a) => a.area);
  const sessions = homeCare.recentSessions.filter((s) => s.area === area);
  return (
    <>
      <SelectField label="Where is it?" value={area} onChange={(e) => onAreaChange(e.target.value)} error={errors.area} required>
        <AreaOptions planAreas={planAreas} otherLabel="Other areas" />
      </SelectField>
      <SelectField
        label="Which session was it after? (optional)"
        value={sessionId}
        onChange={(e) => onSessionChange(e.target.value)}
        error={errors.sessionId}
        disabled={!area}
        hint={area ? undefined : "Choose the area first."}
      >
        <option value="">{area ? `The latest ${areaName(area)} session before then` : "The latest session in that area before then"}</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {formatTime(s.performedAt)} · {formatMm(s.needleMm)} mm
          </option>
        ))}
      </SelectField>
    </>
  );
}
