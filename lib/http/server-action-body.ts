/**
 * Whether a server action call's body cannot be what React sends. Next.js decodes the arguments
 * before any of our code runs and answers a malformed body with a 500 and a logged error, so the
 * proxy (proxy.ts) refuses such a call with a 400 first. React sends its arguments as JSON text, or
 * as multipart form data when they hold a form; bodies are at most 64 kB (scripts/request-screen.mjs).
 */
export async function isUnreadableActionBody(request: Request): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  try {
    if (type === "multipart/form-data") await request.clone().formData();
    else JSON.parse(await request.clone().text());
    return false;
  } catch {
    return true;
  }
}
