import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { getDb, writeTransaction } from "@/db";
import { planTemplates } from "@/db/schema";
import { requireRole } from "@/lib/auth/guards";
import { STAFF_ROLES, type Actor } from "@/lib/auth/types";
import { validatePlanAreas, type PlanAreaLimit } from "@/lib/domain/plan-rules";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { PlanTemplateInput } from "@/lib/validation/plans";
import { recordAudit } from "./audit";

export type PlanTemplateDto = {
  id: string;
  name: string;
  areas: PlanAreaLimit[];
  minIntervalDays: number;
  instructions: string;
  createdAt: string;
};

const columns = {
  id: planTemplates.id,
  name: planTemplates.name,
  areas: planTemplates.areas,
  minIntervalDays: planTemplates.minIntervalDays,
  instructions: planTemplates.instructions,
  createdAt: planTemplates.createdAt,
};

/** A clinic's template library is a short pick-list; the cap keeps it one (bounded) list. */
export const TEMPLATES_MAX = 200;

export function listPlanTemplates(actor: Actor): PlanTemplateDto[] {
  requireRole(actor, STAFF_ROLES);
  return getDb().select(columns).from(planTemplates).where(eq(planTemplates.clinicId, actor.clinicId)).orderBy(asc(planTemplates.name)).limit(TEMPLATES_MAX).all();
}

export function createPlanTemplate(actor: Actor, input: PlanTemplateInput): PlanTemplateDto {
  requireRole(actor, STAFF_ROLES);
  // Interval floors are checked when a template is applied to a decision, against that clinic's floors.
  const violations = validatePlanAreas(input.areas);
  if (violations.length) throw new ValidationError(violations[0]!.message, violations);
  return writeTransaction((tx) => {
    const clash = tx.select({ id: planTemplates.id }).from(planTemplates).where(and(eq(planTemplates.clinicId, actor.clinicId), eq(planTemplates.name, input.name))).get();
    if (clash) throw new ConflictError(`A template named "${input.name}" already exists.`);
    const held = tx.select({ n: count() }).from(planTemplates).where(eq(planTemplates.clinicId, actor.clinicId)).get()?.n ?? 0;
    if (held >= TEMPLATES_MAX) throw new ConflictError(`Your clinic already has ${TEMPLATES_MAX} templates, the most it can keep; delete one you no longer use first.`);
    const created = tx.insert(planTemplates).values({ ...input, clinicId: actor.clinicId, createdBy: actor.id }).returning(columns).get();
    recordAudit(tx, { action: "template.create", outcome: "success", actor, detail: { after: input } });
    return created;
  });
}

export function deletePlanTemplate(actor: Actor, templateId: string): void {
  requireRole(actor, STAFF_ROLES);
  writeTransaction((tx) => {
    const where = and(eq(planTemplates.id, templateId), eq(planTemplates.clinicId, actor.clinicId));
    const existing = tx.select(columns).from(planTemplates).where(where).get();
    if (!existing) throw new NotFoundError("Template not found.");
    tx.delete(planTemplates).where(where).run();
    recordAudit(tx, { action: "template.delete", outcome: "success", actor, detail: { before: existing } });
  });
}
