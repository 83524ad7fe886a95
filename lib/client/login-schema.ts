/**
 * The login schema (and zod with it, ~31 kB gzip) loads after the sign-in page has loaded, not in its
 * first-load JavaScript: the form still validates with the one schema next-auth's authorize uses.
 */
export const loadLoginSchema = () => import("@/lib/validation/auth");

/** Fetches the schema once the page's `load` event has passed, so a submit rarely waits for it. */
export function preloadLoginSchemaAfterLoad(): () => void {
  const preload = () => void loadLoginSchema().catch(() => undefined);
  if (document.readyState === "complete") {
    preload();
    return () => {};
  }
  window.addEventListener("load", preload, { once: true });
  return () => window.removeEventListener("load", preload);
}
