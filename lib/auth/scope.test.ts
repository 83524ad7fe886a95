import { describe, expect, it } from "vitest";
import { canAccessPatient, hasRole, homePathFor, isStaff, safeCallbackPath } from "./scope";

const patient = { id: "p1", clinicId: "c1", userId: "u-patient" };

describe("canAccessPatient", () => {
  it("lets staff of the same clinic in", () => {
    expect(canAccessPatient({ id: "s", role: "clinician", clinicId: "c1", patientId: null }, patient)).toBe(true);
    expect(canAccessPatient({ id: "s", role: "admin", clinicId: "c1", patientId: null }, patient)).toBe(true);
  });

  it("keeps staff of another clinic out", () => {
    expect(canAccessPatient({ id: "s", role: "clinician", clinicId: "c2", patientId: null }, patient)).toBe(false);
    expect(canAccessPatient({ id: "s", role: "admin", clinicId: "c2", patientId: null }, patient)).toBe(false);
  });

  it("lets a patient see only their own record", () => {
    expect(canAccessPatient({ id: "u-patient", role: "patient", clinicId: "c1", patientId: "p1" }, patient)).toBe(true);
    expect(canAccessPatient({ id: "u-other", role: "patient", clinicId: "c1", patientId: "p2" }, patient)).toBe(false);
  });

  it("does not let a patient in through the clinic alone or a mismatched patient id", () => {
    expect(canAccessPatient({ id: "u-other", role: "patient", clinicId: "c1", patientId: "p1" }, patient)).toBe(false);
    expect(canAccessPatient({ id: "u-patient", role: "patient", clinicId: "c1", patientId: "p9" }, patient)).toBe(false);
    expect(canAccessPatient({ id: "x", role: "patient", clinicId: "c1", patientId: null }, { ...patient, userId: null })).toBe(false);
  });
});

describe("roles", () => {
  it("classes admins and clinicians as staff, patients not", () => {
    expect(isStaff("admin")).toBe(true);
    expect(isStaff("clinician")).toBe(true);
    expect(isStaff("patient")).toBe(false);
  });

  it("checks membership of a role list", () => {
    expect(hasRole({ role: "patient" }, ["admin", "clinician"])).toBe(false);
    expect(hasRole({ role: "admin" }, ["admin"])).toBe(true);
  });

  it("sends staff to the clinic overview and patients to their portal", () => {
    expect(homePathFor("clinician")).toBe("/overview");
    expect(homePathFor("admin")).toBe("/overview");
    expect(homePathFor("patient")).toBe("/portal");
  });
});

describe("safeCallbackPath", () => {
  it("keeps same-origin paths", () => {
    expect(safeCallbackPath("/patients?q=lee")).toBe("/patients?q=lee");
  });

  it("keeps a path with its query and fragment as the browser would read it", () => {
    expect(safeCallbackPath("/patients/p1/plan#decide")).toBe("/patients/p1/plan#decide");
    expect(safeCallbackPath("/patients/../alerts")).toBe("/alerts");
  });

  it.each([
    null,
    undefined,
    "",
    "https://evil.test/",
    "//evil.test",
    "/\\evil.test",
    "/login",
    "/api/me",
    "patients",
    // A tab or newline between the slashes is stripped by URL parsing: "//evil.example/x".
    "/\t/evil.example/x",
    "/\n/evil.example/x",
    "/\r\n/evil.example",
    "/.//evil.example",
    "/%2F/evil.example".replace("%2F", "/"),
    "/\u0000/evil.example",
    "/\\/evil.example",
    "/..//evil.example",
    "/%09/x/../../login",
  ])(
    "refuses %s",
    (value) => {
      expect(safeCallbackPath(value)).toBeNull();
    },
  );
});
