"use client";

import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";

export default function ClinicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Alert tone="error" className="space-y-3">
      <p className="font-medium">This page could not be loaded.</p>
      <p>No data was changed. Try again; if the problem continues, tell your clinic administrator.</p>
      <Button onClick={reset}>Try again</Button>
    </Alert>
  );
}
