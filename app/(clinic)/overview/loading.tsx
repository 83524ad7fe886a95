/** Shown while the page shell loads; each widget then shows its own skeleton until its data is in. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading the overview" className="space-y-4">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="grid gap-4 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-72 animate-pulse rounded-lg bg-slate-200" />
        ))}
      </div>
    </div>
  );
}
