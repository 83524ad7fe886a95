/** Every TanStack Query key of the app, so invalidations never miss a spelling. */
export const queryKeys = {
  homeCare: (patientId: string) => ["patient", patientId, "home-care"] as const,
  history: (patientId: string) => ["patient", patientId, "history"] as const,
  alertSummary: ["alerts", "summary"] as const,
  charts: (patientId: string, range: string) => ["patient", patientId, "charts", range] as const,
  /** Every range of a patient's charts: what a new report invalidates. */
  allCharts: (patientId: string) => ["patient", patientId, "charts"] as const,
  clinicOverview: ["clinic", "overview"] as const,
  patientSearch: (q: string) => ["patients", "search", q] as const,
};
