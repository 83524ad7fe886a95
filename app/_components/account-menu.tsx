"use client";

import Link from "next/link";
import { useState } from "react";
import { signOutEverywhereAction } from "@/app/(auth)/actions";
import { signOutOfThisBrowser } from "@/lib/client/sign-out";
import { Button } from "./ui/button";

/** `accountHref`: staff manage their password and two-factor sign-in there. */
export function AccountMenu({ name, roleLabel, accountHref }: { name: string; roleLabel: string; accountHref?: string }) {
  const [pending, setPending] = useState(false);

  async function leave(everywhere: boolean) {
    setPending(true);
    try {
      if (everywhere) await signOutEverywhereAction();
    } finally {
      await signOutOfThisBrowser();
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="hidden text-slate-700 sm:inline">
        <span className="font-medium text-slate-900">{name}</span> · {roleLabel}
      </span>
      {accountHref && (
        <Link href={accountHref} className="rounded-md px-2 py-1.5 font-medium text-brand-700 hover:underline">
          Account
        </Link>
      )}
      <Button variant="secondary" disabled={pending} onClick={() => leave(false)}>
        Sign out
      </Button>
      <Button variant="ghost" className="px-2 text-xs sm:px-4 sm:text-sm" disabled={pending} onClick={() => leave(true)}>
        Sign out on all devices
      </Button>
    </div>
  );
}
