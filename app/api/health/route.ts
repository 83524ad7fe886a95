import { checkDatabase } from "@/lib/data/health";
import { noStore } from "@/lib/http/api";

export const dynamic = "force-dynamic";

export function GET() {
  try {
    checkDatabase();
    return noStore({ status: "ok" });
  } catch (error) {
    console.error("Health check failed", error);
    return noStore({ status: "error", error: "The database is unavailable." }, { status: 503 });
  }
}
