"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { signOutEverywhereAction } from "@/app/(auth)/actions";
import { Button } from "./ui/button";

export function AccountMenu({ name, roleLabel }: { name: string; roleLabel: string }) {
  const [pending, setPending] = useState(false);

  async function leave(everywhere: boolean) {
    setPending(true);
    try {
      if (everywhere) await signOutEverywhereAction();
    } finally {
      await signOut({ callbackUrl: "/login" });
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">
        <span className="font-medium text-slate-900">{name}</span> · {roleLabel}
      </span>
      <Button variant="secondary" disabled={pending} onClick={() => leave(false)}>
        Sign out
      </Button>
      <Button variant="ghost" disabled={pending} onClick={() => leave(true)}>
        Sign out on all devices
      </Button>
    </div>
  );
}
