const FILES = [
  {
    path: "fhir?download=1",
    label: "My health record (FHIR JSON)",
    use: "For another clinic's system or a health app: your plans, sessions and reactions in the standard format clinics exchange.",
  },
  { path: "export/sessions.csv", label: "My sessions (CSV)", use: "For a spreadsheet (Excel, Numbers, Google Sheets): one row for each session logged." },
  { path: "export/reactions.csv", label: "My reactions (CSV)", use: "For a spreadsheet: one row for each reaction reported, with how strong each symptom was." },
];

/**
 * The patient's copy of their own record (their right of access). Plain links with `download`: the
 * files come from route handlers, which client-side navigation (next/link) would try to render as pages.
 */
export function DownloadRecord({ patientId }: { patientId: string }) {
  return (
    <section aria-labelledby="download-heading" className="no-print space-y-2">
      <h2 id="download-heading" className="text-lg font-semibold">
        Download my record
      </h2>
      <p className="text-sm text-slate-700">These files hold your health information. Keep them somewhere private.</p>
      <ul className="space-y-3">
        {FILES.map((file) => (
          <li key={file.path} className="rounded-md border border-slate-200 bg-white p-3">
            <a href={`/api/patients/${patientId}/${file.path}`} download className="font-medium text-brand-700 underline hover:text-brand-800">
              {file.label}
            </a>
            <p className="mt-1 text-sm text-slate-700">{file.use}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
