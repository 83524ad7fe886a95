"use client";

import { useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";

const EXPORT_URL = "/api/clinic/export/fhir";

type State =
  | { phase: "idle" }
  | { phase: "running"; bytes: number; patients: number | null }
  | { phase: "done"; bytes: number; patients: number | null; filename: string }
  | { phase: "failed"; message: string };

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function filenameOf(response: Response): string {
  return /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "dermaplan-fhir.zip";
}

/**
 * Reads the export itself instead of a plain download link, so a large clinic's export shows how far it
 * has come (the server sends the patient count first; the zip's size is known only at its end) and can be
 * cancelled. The file is handed to the browser's downloads once complete.
 */
export function FhirExportDownload() {
  const [state, setState] = useState<State>({ phase: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function start() {
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: "running", bytes: 0, patients: null });
    try {
      const response = await fetch(EXPORT_URL, { signal: controller.signal, cache: "no-store" });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        throw new Error(body?.error ?? `The export failed (${response.status}).`);
      }
      const patients = Number(response.headers.get("X-Patient-Count")) || null;
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        setState({ phase: "running", bytes, patients });
      }
      const filename = filenameOf(response);
      save(new Blob(chunks, { type: "application/zip" }), filename);
      setState({ phase: "done", bytes, patients, filename });
    } catch (error) {
      const cancelled = controller.signal.aborted;
      setState({ phase: "failed", message: cancelled ? "Export cancelled." : error instanceof Error ? error.message : "The export failed." });
    } finally {
      abort.current = null;
    }
  }

  return (
    <div className="mt-3 space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button onClick={start} disabled={state.phase === "running"}>
          Export all records (FHIR)
        </Button>
        {state.phase === "running" && (
          <Button variant="secondary" onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        )}
      </div>
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {state.phase === "running" &&
          `Exporting${state.patients !== null ? ` ${state.patients} ${state.patients === 1 ? "patient" : "patients"}` : ""}: ${formatBytes(state.bytes)} received…`}
        {state.phase === "done" && `Done: ${state.filename} (${formatBytes(state.bytes)}, ${state.patients ?? 0} patients) is in your downloads.`}
      </p>
      {state.phase === "running" && <progress className="w-full" aria-label="Export progress" />}
      {state.phase === "failed" && <Alert tone="error">{state.message}</Alert>}
    </div>
  );
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
