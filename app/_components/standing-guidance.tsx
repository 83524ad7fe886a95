import { STANDING_GUIDANCE } from "@/lib/domain/standing-guidance";

/**
 * The fixed guidance of every approved plan (lib/domain/standing-guidance.ts). No hooks: the portal
 * renders it on the server, the clinic's plan summary inside its client history too. `compact` folds
 * it away on the clinic's side, where it says what the patient is shown.
 */
export function StandingGuidance({ compact = false }: { compact?: boolean }) {
  const lists = STANDING_GUIDANCE.map((g, i) => (
    <div key={g.heading} className={i === 0 ? "text-red-950" : undefined}>
      <p className="font-medium">{g.heading}:</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {g.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  ));
  if (compact) {
    return (
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">Standing guidance shown to the patient with every approved plan</summary>
        <div className="mt-2 space-y-2">{lists}</div>
      </details>
    );
  }
  return (
    <section aria-labelledby="standing-guidance-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h3 id="standing-guidance-heading" className="font-semibold">
        Safety and technique
      </h3>
      {lists}
    </section>
  );
}
