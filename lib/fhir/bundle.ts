import type { Bundle, Resource } from "@medplum/fhirtypes";

/**
 * A `collection` Bundle: every entry's fullUrl is `urn:uuid:<id>`, which is what references written in
 * the "bundle" style point at. No Bundle.id: each export is a new document, only its contents keep ids.
 */
export function collectionBundle(resources: Iterable<Resource>, timestamp: string): Bundle {
  const entry = [];
  for (const resource of resources) entry.push({ fullUrl: `urn:uuid:${resource.id}`, resource });
  return { resourceType: "Bundle", type: "collection", timestamp, entry };
}

/** One resource per line, as Bulk Data NDJSON files hold them. */
export function ndjsonLine(resource: Resource): string {
  return `${JSON.stringify(resource)}\n`;
}
