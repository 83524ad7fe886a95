import { buttonClasses } from "@/app/_components/ui/button";
import { inputClasses } from "@/app/_components/ui/field";
import { PatientPicker, type PatientChoice } from "../_components/patient-picker";

type Option = { value: string; label: string };
type Props = {
  initial: Record<string, string>;
  patient: PatientChoice | null;
  staff: { id: string; name: string; role: string }[];
  actions: Option[];
  /** Whose events: the clinic's, the installation's no-such-account sign-ins, or both (the default). */
  scopes: Option[];
};

/** A plain GET form: filters live in the URL; the patient is found by a server-side search. */
export function AuditFilters({ initial, patient, staff, actions, scopes }: Props) {
  const select = (name: string, label: string, options: Option[], any: Option | null = { value: "", label: "Any" }) => (
    <div>
      <label htmlFor={`audit-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`audit-${name}`} name={name} defaultValue={initial[name] ?? ""} className={`${inputClasses} w-52`}>
        {any && <option value={any.value}>{any.label}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <PatientPicker name="patientId" label="Patient" initial={patient} />
      {select("actorId", "Who", staff.map((s) => ({ value: s.id, label: `${s.name} (${s.role})` })))}
      {select("action", "Action", actions)}
      {select("scope", "Events", scopes, null)}
      {(["from", "to"] as const).map((name) => (
        <div key={name}>
          <label htmlFor={`audit-${name}`} className="block text-sm font-medium">
            {name === "from" ? "From" : "To"}
          </label>
          <input id={`audit-${name}`} type="date" name={name} defaultValue={initial[name] ?? ""} className={inputClasses} />
        </div>
      ))}
      <button type="submit" className={buttonClasses("primary")}>
        Filter
      </button>
      <a href="/audit" className={buttonClasses("ghost")}>
        Clear
      </a>
    </form>
  );
}
