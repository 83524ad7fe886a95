import { requireUser } from "@/lib/auth/session";
import { csvDownload } from "@/lib/csv";
import { exportClinicCsv } from "@/lib/data/record-export";
import { apiRoute } from "@/lib/http/api";
import { apiMethods } from "@/lib/http/methods";

// The data function refuses everyone but the clinic's admin (and audits the refusal once).
const handleGet = apiRoute(async () => csvDownload(exportClinicCsv(await requireUser(), "sessions")));

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet }, { head: false });
