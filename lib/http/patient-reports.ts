import "server-only";
import type { z } from "zod";
import { requirePatientAccess } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/types";
import { parseOrThrow } from "@/lib/validation/issues";
import { reportListQuerySchema } from "@/lib/validation/reports";
import { apiRoute, noStore, readJson, searchParamsOf } from "./api";
import { apiMethods } from "./methods";
import { idParam, type IdContext } from "./params";

type Paging = z.infer<typeof reportListQuerySchema>;

/**
 * GET (paged list) and POST (one new report) for a patient's sessions or reactions: the patient
 * themself or staff of the clinic, scoped before the body is even read.
 */
export function patientReportRoutes<S extends z.ZodType, T>(options: {
  schema: S;
  list: (actor: Actor, patientId: string, paging: Paging) => { items: T[]; total: number };
  create: (actor: Actor, patientId: string, input: z.infer<S>) => T;
}) {
  const scoped = async (context: IdContext) => {
    const actor = await requireUser();
    const patientId = await idParam(context);
    requirePatientAccess(actor, patientId);
    return { actor, patientId };
  };
  return apiMethods<IdContext>({
    GET: apiRoute<IdContext>(async (request, context) => {
      const { actor, patientId } = await scoped(context);
      return noStore(options.list(actor, patientId, parseOrThrow(reportListQuerySchema, searchParamsOf(request))));
    }),
    POST: apiRoute<IdContext>(async (request, context) => {
      const { actor, patientId } = await scoped(context);
      const input = parseOrThrow(options.schema, await readJson(request));
      return noStore(options.create(actor, patientId, input), { status: 201 });
    }),
  });
}
