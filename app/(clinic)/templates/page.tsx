import type { Metadata } from "next";
import { Card } from "@/app/_components/ui/card";
import { requirePageActor } from "@/lib/auth/page-guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { AREA_LABELS, formatMm, type Area } from "@/lib/domain/clinical";
import { STANDARD_INSTRUCTIONS } from "@/lib/domain/instructions";
import { listPlanTemplates } from "@/lib/data/templates";
import { DeleteTemplateButton } from "./delete-template-button";
import { TemplateForm } from "./template-form";

export const metadata: Metadata = { title: "Plan templates" };

export default async function TemplatesPage() {
  const actor = await requirePageActor(STAFF_ROLES);
  const templates = listPlanTemplates(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Plan templates</h1>
      <p className="text-sm text-slate-700">Starting points for plan decisions; applying one prefills the editor, the clinician still decides.</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="templates-heading">
          <h2 id="templates-heading" className="mb-3 text-lg font-semibold">
            Your clinic&rsquo;s templates
          </h2>
          {templates.length === 0 ? (
            <p className="text-sm text-slate-700">No templates yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {templates.map((t) => (
                <li key={t.id} className="flex items-start justify-between gap-3 py-3">
                  <div>
                    <p className="font-medium">{t.name}</p>
                    <p className="text-sm text-slate-700">
                      {t.areas.map((a) => `${AREA_LABELS[a.area as Area] ?? a.area} ${formatMm(a.maxNeedleMm)} mm`).join(", ")} · every {t.minIntervalDays}+ days
                    </p>
                  </div>
                  <DeleteTemplateButton id={t.id} name={t.name} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card aria-labelledby="new-template-heading">
          <h2 id="new-template-heading" className="mb-3 text-lg font-semibold">
            New template
          </h2>
          <TemplateForm defaultInstructions={STANDARD_INSTRUCTIONS} />
        </Card>
      </div>
    </div>
  );
}
