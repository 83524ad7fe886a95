import { requireUser } from "@/lib/auth/guards";
import { getPatient } from "@/lib/data/patients";
import { apiRoute, noStore } from "@/lib/http/api";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute<Context>(async (_request, { params }) => {
  const actor = await requireUser();
  return noStore(getPatient(actor, (await params).id));
});
