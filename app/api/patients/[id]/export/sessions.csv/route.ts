import { requireUser } from "@/lib/auth/session";
import { csvDownload } from "@/lib/csv";
import { exportPatientCsv } from "@/lib/data/record-export";
import { apiRoute } from "@/lib/http/api";
import { apiMethods } from "@/lib/http/methods";
import { idParam, type IdContext } from "@/lib/http/params";

const handleGet = apiRoute<IdContext>(async (_request, context) => csvDownload(exportPatientCsv(await requireUser(), await idParam(context), "sessions")));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet }, { head: false });
