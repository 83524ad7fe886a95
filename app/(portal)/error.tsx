"use client";

import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";

export default function PortalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Alert tone="error" className="space-y-3">
      <p className="font-medium">This page could not be loaded.</p>
      <p>Nothing you sent before has been lost. Try again; if you have a severe reaction or signs of infection, contact your clinic now.</p>
      <Button onClick={reset}>Try again</Button>
    </Alert>
  );
}
