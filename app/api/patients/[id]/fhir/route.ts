import { requireUser } from "@/lib/auth/session";
import { exportPatientFhir } from "@/lib/data/fhir-export";
import { patientExportQuerySchema } from "@/lib/validation/fhir-export";
import { bundleResponse } from "@/lib/fhir/responses";
import { apiRoute, searchParamsOf } from "@/lib/http/api";
import { apiMethods } from "@/lib/http/methods";
import { idParam, type IdContext } from "@/lib/http/params";
import { parseOrThrow } from "@/lib/validation/issues";

const handleGet = apiRoute<IdContext>(async (request, context) => {
  const actor = await requireUser();
  const { download } = parseOrThrow(patientExportQuerySchema, searchParamsOf(request));
  const { bundle, filename } = exportPatientFhir(actor, await idParam(context));
  return bundleResponse(bundle, filename, download === "1");
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet }, { head: false });
