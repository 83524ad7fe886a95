"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { FormStatus } from "@/app/_components/ui/form-controls";
import { apiFetch } from "@/lib/client/api";

type Props = { id: string; canConfirm: boolean; canWithdraw: boolean };

/** Confirm or withdraw one pending proposal; the server decides (a stale or expired one answers 409). */
export function ProposalActions({ id, canConfirm, canWithdraw }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function act(step: "confirm" | "withdraw") {
    setPending(true);
    setError(null);
    try {
      await apiFetch(`/api/clinic/settings/proposals/${id}/${step}`, { method: "POST" });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "The request failed.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <FormStatus error={error} />
      <div className="flex flex-wrap gap-2">
        {canConfirm && (
          <Button onClick={() => void act("confirm")} disabled={pending}>
            Confirm the change
          </Button>
        )}
        {canWithdraw && (
          <Button variant="secondary" onClick={() => void act("withdraw")} disabled={pending}>
            Withdraw
          </Button>
        )}
      </div>
    </div>
  );
}
