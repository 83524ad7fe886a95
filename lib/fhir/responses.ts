import type { Bundle } from "@medplum/fhirtypes";

/** A filename safe in a Content-Disposition header whatever an MRN contains. */
export function safeFilename(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 120);
}

const PRIVATE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/** The patient's Bundle; an attachment only when asked (`?download=1`), so the API can also be read inline. */
export function bundleResponse(bundle: Bundle, filename: string, download: boolean): Response {
  return new Response(JSON.stringify(bundle), {
    headers: {
      ...PRIVATE,
      "Content-Type": "application/fhir+json; charset=utf-8",
      ...(download ? { "Content-Disposition": `attachment; filename="${safeFilename(filename)}"` } : {}),
    },
  });
}

export type StreamedExport = { body: ReadableStream<Uint8Array>; filename: string; contentType: string; patientCount: number };

/**
 * A streamed export. The patient count goes out before the first byte so the page can show how large the
 * export is; the length cannot, since the zip is written as it is read.
 */
export function streamedExportResponse(exported: StreamedExport): Response {
  return new Response(exported.body, {
    headers: {
      ...PRIVATE,
      "Content-Type": exported.contentType,
      "Content-Disposition": `attachment; filename="${safeFilename(exported.filename)}"`,
      "X-Patient-Count": String(exported.patientCount),
    },
  });
}
