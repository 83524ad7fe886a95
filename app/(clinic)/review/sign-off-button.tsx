"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/ui/button";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";

export function SignOffButton({ kind, id, label }: { kind: "session" | "reaction"; id: string; label: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => apiFetch("/api/review-queue", { method: "POST", body: { kind, id } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.alertSummary });
      router.refresh();
    },
  });
  return (
    <div className="flex items-center gap-2">
      {mutation.error && <span className="text-sm text-red-700">{mutation.error.message}</span>}
      <Button variant="secondary" disabled={mutation.isPending} aria-label={label} onClick={() => mutation.mutate()}>
        Mark reviewed
      </Button>
    </div>
  );
}
