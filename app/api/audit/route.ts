import { requireAdmin } from "@/lib/auth/session";
import { exportAuditEvents, listAuditEvents } from "@/lib/data/audit-log";
import { auditCsv } from "@/lib/data/audit-csv";
import { apiRoute, noStore, searchParamsOf } from "@/lib/http/api";
import { auditQuerySchema } from "@/lib/validation/audit";
import { parseOrThrow } from "@/lib/validation/issues";
import { apiMethods } from "@/lib/http/methods";

const handleGet = apiRoute(async (request) => {
  const actor = await requireAdmin();
  const query = parseOrThrow(auditQuerySchema, searchParamsOf(request));
  if (query.format === "csv") {
    return new Response(auditCsv(exportAuditEvents(actor, query)), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="dermaplan-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  return noStore(listAuditEvents(actor, query));
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet });
