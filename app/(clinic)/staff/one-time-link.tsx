"use client";

import { useState } from "react";
import { useClinicFormatter } from "@/app/_components/clinic-time";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";

type Props = { url: string; expiresAt: string; email: string };

/** A set-password link shown once, to copy and hand on: there is no mail server, and only its hash is kept. */
export function OneTimeLink({ url, expiresAt, email }: Props) {
  const [copied, setCopied] = useState(false);
  const formatTime = useClinicFormatter();
  return (
    <div className="space-y-2">
      <div className="flex items-end gap-2">
        <Field
          label={`One-time link for ${email} (valid until ${formatTime(expiresAt)})`}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="flex-1"
        />
        <Button
          variant="secondary"
          aria-label={`Copy the link for ${email}`}
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="text-sm text-slate-700">Give this link to {email} yourself; it works once and is not shown again.</p>
    </div>
  );
}
