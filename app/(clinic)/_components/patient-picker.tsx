"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useState, type KeyboardEvent } from "react";
import { inputClasses } from "@/app/_components/ui/field";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";

export type PatientChoice = { id: string; name: string; mrn: string };

type Props = {
  /** The form field that carries the chosen patient's id. */
  name: string;
  label: string;
  initial: PatientChoice | null;
  className?: string;
};

const SUGGESTIONS = 8;

/**
 * Finds a patient by name or MRN on the server (the roster search), a few at a time: a clinic of
 * ten thousand patients never ships its roster to the browser. An ARIA 1.2 combobox.
 */
export function PatientPicker({ name, label, initial, className }: Props) {
  const id = useId();
  const [chosen, setChosen] = useState<PatientChoice | null>(initial);
  const [text, setText] = useState(initial ? labelOf(initial) : "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDeferredValue(text.trim());
  const searching = open && query.length >= 2 && (!chosen || labelOf(chosen) !== text);
  const { data, isFetching, isError } = useQuery({
    queryKey: queryKeys.patientSearch(query),
    queryFn: () => apiFetch<{ items: PatientChoice[] }>(`/api/patients?${new URLSearchParams({ q: query, pageSize: String(SUGGESTIONS) })}`),
    enabled: searching,
    staleTime: 30_000,
  });
  const options = searching ? (data?.items ?? []) : [];

  function choose(option: PatientChoice | null) {
    setChosen(option);
    setText(option ? labelOf(option) : "");
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (options.length ? (i + step + options.length) % options.length : 0));
    } else if (event.key === "Enter" && open && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const status = !searching ? "" : isError ? "The search failed; try again." : isFetching && !data ? "Searching…" : `${options.length} ${options.length === 1 ? "patient" : "patients"} found`;
  return (
    <div className={`relative ${className ?? ""}`}>
      <label htmlFor={`${id}-input`} className="block text-sm font-medium">
        {label}
      </label>
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={options[active] ? `${id}-option-${active}` : undefined}
        autoComplete="off"
        placeholder="Any (type a name or MRN)"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          if (!e.target.value.trim()) setChosen(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        className={`${inputClasses} w-64`}
      />
      <p aria-live="polite" className="sr-only">
        {status}
      </p>
      {options.length > 0 && (
        <ul id={`${id}-list`} role="listbox" aria-label={`${label} suggestions`} className="absolute z-10 mt-1 w-64 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {options.map((option, i) => (
            <li
              key={option.id}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(option);
              }}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-brand-50 text-brand-800" : ""}`}
            >
              {labelOf(option)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const labelOf = (p: PatientChoice) => `${p.name} (${p.mrn})`;
