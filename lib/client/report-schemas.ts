/**
 * The report schemas (and zod with them) load after the page is interactive, not in its first-load
 * JavaScript: the portal's forms stay within the phone budget and still validate with the one schema
 * the API uses.
 */
export const loadReportSchemas = () => import("@/lib/validation/reports");
