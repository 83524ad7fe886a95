"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/ui/button";
import { apiFetch } from "@/lib/client/api";

export function DeleteTemplateButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => apiFetch(`/api/templates/${id}`, { method: "DELETE" }),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="flex items-center gap-2">
      {mutation.error && <span className="text-sm text-red-700">{mutation.error.message}</span>}
      <Button
        variant="ghost"
        disabled={mutation.isPending}
        aria-label={`Delete template ${name}`}
        onClick={() => window.confirm(`Delete the template “${name}”? Plans made from it are not affected.`) && mutation.mutate()}
      >
        Delete
      </Button>
    </div>
  );
}
