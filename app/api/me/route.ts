import { requireUser } from "@/lib/auth/session";
import { apiRoute, noStore } from "@/lib/http/api";

export const GET = apiRoute(async () => {
  const { id, email, name, role, clinicId, patientId } = await requireUser({ allowMfaDue: true });
  return noStore({ id, email, name, role, clinicId, patientId });
});
