import { createHash } from "node:crypto";
import type { ExtractResource, Reference, ResourceType } from "@medplum/fhirtypes";

/**
 * Fixed for the life of the product: every exported id is derived from it, so changing it would give
 * every resource a new identity in the systems that imported earlier exports.
 */
const NAMESPACE = "5d0e6c1a-3f1b-4b8e-9a51-7c2f4e0b9d13";

/**
 * The id of the resource of `type` that the database row(s) named by `key` become: a name-based UUID, so
 * the same record gets the same id in every export without storing a mapping, and a `urn:uuid:` full URL
 * is well-formed. The type is part of the name: one row may become several resources.
 */
export function fhirId(type: ResourceType, ...key: (string | number)[]): string {
  return uuidV5(NAMESPACE, [type, ...key.map(String)].join("/"));
}

/** RFC 4122 §4.3 version 5 (SHA-1) UUID of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash("sha1").update(Buffer.from(namespace.replaceAll("-", ""), "hex")).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * How references are written. In a `collection` Bundle every entry's fullUrl is `urn:uuid:<id>`, and a
 * reference resolves only if it is that same URN; Bulk Data NDJSON files have no fullUrl, so there
 * references are relative (`Patient/<id>`), as the Bulk Data IG shows.
 */
export type ReferenceStyle = "bundle" | "relative";

export type Referencer = <T extends ResourceType>(type: T, id: string) => Reference<ExtractResource<T>>;

export function referencer(style: ReferenceStyle): Referencer {
  return (type, id) => ({ reference: style === "bundle" ? `urn:uuid:${id}` : `${type}/${id}`, type });
}
