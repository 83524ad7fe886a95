/** Every TanStack Query key of the app, so invalidations never miss a spelling. */
export const queryKeys = {
  patient: (patientId: string) => ["patient", patientId] as const,
  plans: (patientId: string) => ["patient", patientId, "plans"] as const,
  templates: ["templates"] as const,
};
