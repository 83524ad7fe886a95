import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "./account-menu";

type Props = { home: string; context: string; user: { name: string; roleLabel: string }; nav?: ReactNode; accountHref?: string };

export function AppHeader({ home, context, user, nav, accountHref }: Props) {
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex flex-wrap items-center gap-4">
          <Link href={home} className="text-lg font-semibold text-brand-700">
            Dermaplan
          </Link>
          <span className="hidden text-sm text-slate-700 sm:inline">{context}</span>
          {nav && (
            <nav aria-label="Main" className="flex flex-wrap gap-1">
              {nav}
            </nav>
          )}
        </div>
        <AccountMenu name={user.name} roleLabel={user.roleLabel} accountHref={accountHref} />
      </div>
    </header>
  );
}

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
      {children}
    </Link>
  );
}
