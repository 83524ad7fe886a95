import { requireUser } from "@/lib/auth/session";
import { apiRoute, noStore } from "@/lib/http/api";
import { apiMethods } from "@/lib/http/methods";

const handleGet = apiRoute(async () => {
  const { id, email, name, role, clinicId, patientId } = await requireUser({ allowMfaDue: true });
  return noStore({ id, email, name, role, clinicId, patientId });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet });
