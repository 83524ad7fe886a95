import { requireAdmin } from "@/lib/auth/session";
import { exportClinicFhir } from "@/lib/data/fhir-export";
import { clinicExportQuerySchema } from "@/lib/validation/fhir-export";
import { streamedExportResponse } from "@/lib/fhir/responses";
import { apiRoute, searchParamsOf } from "@/lib/http/api";
import { apiMethods } from "@/lib/http/methods";
import { parseOrThrow } from "@/lib/validation/issues";

const handleGet = apiRoute(async (request) => {
  const actor = await requireAdmin();
  const query = parseOrThrow(clinicExportQuerySchema, searchParamsOf(request));
  return streamedExportResponse(exportClinicFhir(actor, query));
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet }, { head: false });
