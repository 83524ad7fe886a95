"use client";

import { Button } from "@/app/_components/ui/button";

/** The plan page prints cleanly (navigation hidden), so "printable version" is the page itself. */
export function PrintButton() {
  return (
    <Button variant="secondary" className="no-print" onClick={() => window.print()}>
      Print my plan
    </Button>
  );
}
