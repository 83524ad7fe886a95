import { Suspense, type ReactNode } from "react";
import { Card } from "@/app/_components/ui/card";
import { WidgetBoundary } from "./widget-boundary";

type Props = { id: string; title: string; period?: string; className?: string; children: ReactNode };

/**
 * One overview widget: its title stays put while its own data loads (skeleton) or fails (a plain
 * error with a retry), so a slow or failing query never blanks the rest of the page.
 */
export function Widget({ id, title, period, className, children }: Props) {
  return (
    <Card aria-labelledby={`${id}-title`} data-widget={id} className={`min-w-0 space-y-3 ${className ?? ""}`}>
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {period && <p className="text-sm text-slate-600">{period}</p>}
      </div>
      <WidgetBoundary title={title}>
        <Suspense fallback={<WidgetSkeleton title={title} />}>{children}</Suspense>
      </WidgetBoundary>
    </Card>
  );
}

/**
 * The database driver is synchronous, so a widget that queried straight away would hold the whole
 * page until every widget had run. Yielding first lets React send the page with its skeletons and
 * stream each widget as its own query finishes.
 */
export function afterShell(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function WidgetSkeleton({ title }: { title: string }) {
  return (
    <div role="status" aria-label={`Loading ${title.toLowerCase()}`} className="space-y-3">
      <div className="h-4 w-3/4 animate-pulse rounded bg-slate-200" />
      <div className="h-48 animate-pulse rounded bg-slate-200" />
    </div>
  );
}
