export default function Loading() {
  return (
    <div role="status" aria-label="Loading" className="space-y-3">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="h-20 animate-pulse rounded bg-slate-200" />
      ))}
    </div>
  );
}
