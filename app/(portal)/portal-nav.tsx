"use client";

import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/portal", label: "My plan" },
  { href: "/portal/log-session", label: "Log a session" },
  { href: "/portal/report-reaction", label: "Report a reaction" },
  { href: "/portal/history", label: "My history" },
  { href: "/portal/health-change", label: "Tell your clinic about a change" },
];

export function PortalNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Portal" className="no-print sticky top-0 z-10 border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-2xl gap-1 overflow-x-auto px-2">
        {LINKS.map((link) => {
          const current = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={clsx("block whitespace-nowrap border-b-2 px-3 py-3 text-sm font-medium", current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-slate-900")}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
