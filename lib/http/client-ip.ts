type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function headerValue(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The client address as the proxy in front of Next.js (or Next.js itself) reports it. */
export function clientIpFrom(source: HeaderSource): string | null {
  const forwarded = headerValue(source, "x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headerValue(source, "x-real-ip")?.trim() || null;
}
