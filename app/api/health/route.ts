import { checkDatabase } from "@/lib/data/health";
import { noStore } from "@/lib/http/api";
import { apiMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

function handleGet() {
  try {
    checkDatabase();
    return noStore({ status: "ok" });
  } catch (error) {
    console.error("Health check failed", error);
    return noStore({ status: "error", error: "The database is unavailable." }, { status: 503 });
  }
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: handleGet });
