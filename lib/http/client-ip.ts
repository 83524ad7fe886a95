type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function headerValue(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client address for the audit trail. The rightmost X-Forwarded-For entry is the one added by the
 * nearest hop (the reverse proxy in front of Next.js, or Next.js itself from the socket); entries to
 * its left come from the client and can be forged, so they are never used.
 */
export function clientIpFrom(source: HeaderSource): string | null {
  const forwarded = headerValue(source, "x-forwarded-for")?.split(",").map((h) => h.trim()).filter(Boolean).at(-1);
  return forwarded || headerValue(source, "x-real-ip")?.trim() || null;
}
