import type { Organization, Patient, Practitioner } from "@medplum/fhirtypes";
import { SYSTEMS } from "./codes";
import { fhirId, type Referencer } from "./ids";
import type { ClinicRecord, PatientRecord, StaffRecord } from "./records";

export function toOrganization(clinic: ClinicRecord): Organization {
  return { resourceType: "Organization", id: fhirId("Organization", clinic.id), active: true, name: clinic.name };
}

/** Staff who decided, recorded or are responsible: practitioners of their clinic (admins included, as recorders). */
export function toPractitioner(staff: StaffRecord): Practitioner {
  return { resourceType: "Practitioner", id: fhirId("Practitioner", staff.id), active: staff.active, name: [{ text: staff.name }] };
}

/**
 * The name is kept as written (`text`): the product stores one name field, and splitting it into given
 * and family names would guess. The MRN is the clinic's, so the clinic is its assigner.
 */
export function toPatient(patient: PatientRecord, ref: Referencer): Patient {
  const clinic = ref("Organization", fhirId("Organization", patient.clinicId));
  return {
    resourceType: "Patient",
    id: fhirId("Patient", patient.id),
    identifier: [
      {
        use: "usual",
        type: { coding: [{ system: SYSTEMS.identifierType, code: "MR", display: "Medical record number" }] },
        value: patient.mrn,
        assigner: clinic,
      },
    ],
    name: [{ text: patient.name }],
    birthDate: patient.dateOfBirth,
    managingOrganization: clinic,
    generalPractitioner: [ref("Practitioner", fhirId("Practitioner", patient.responsibleClinicianId))],
  };
}
