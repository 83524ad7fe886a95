"use client";

import { useRouter } from "next/navigation";
import { Component, useTransition, type ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";

type Props = { title: string; children: ReactNode };

/**
 * Catches one widget's failure (a server component's error reaches the browser at its position in
 * the tree), so the other widgets stay usable. React still needs a class for error boundaries.
 */
export class WidgetBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <WidgetError title={this.props.title} onRetry={() => this.setState({ failed: false })} />;
  }
}

function WidgetError({ title, onRetry }: { title: string; onRetry: () => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Alert tone="error" className="space-y-2">
      <p>{title} could not be loaded. The rest of the overview is unaffected.</p>
      <Button
        variant="secondary"
        disabled={pending}
        // Refresh re-runs the server component; clearing the boundary then shows its new result.
        onClick={() => startTransition(() => { router.refresh(); onRetry(); })}
      >
        {pending ? "Trying again…" : "Try again"}
      </Button>
    </Alert>
  );
}
