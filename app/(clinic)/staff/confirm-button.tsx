"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";

type Props = {
  /** The button's accessible name, naming the person: "Deactivate Dr. Okafor". */
  label: string;
  children: ReactNode;
  /** What will happen, asked before it does. */
  question: string;
  confirmLabel: string;
  disabled?: boolean;
  onConfirm: () => void;
};

/** A button that asks first, in the page (no browser dialog): the question gets focus, Cancel goes back. */
export function ConfirmButton({ label, children, question, confirmLabel, disabled, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <Button variant="secondary" aria-label={label} disabled={disabled} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={label} className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <p ref={questionRef} tabIndex={-1} className="text-sm text-amber-950 outline-none">
        {question}
      </p>
      <div className="flex gap-2">
        <Button
          variant="danger"
          disabled={disabled}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {confirmLabel}
        </Button>
        <Button variant="ghost" onClick={() => setAsking(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
