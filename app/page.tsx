import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { homePathFor } from "@/lib/auth/scope";

export default async function HomePage() {
  const actor = await getActor();
  redirect(actor ? homePathFor(actor.role) : "/login");
}
