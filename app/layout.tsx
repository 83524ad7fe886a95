import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Dermaplan", template: "%s · Dermaplan" },
  description: "Clinician-approved home microneedling plans and reaction follow-up.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * Rendered per request, every page (the not-found page too): Next.js can put the Content-Security-
 * Policy nonce (proxy.ts) only on scripts of a page it renders for this request, not on a prerendered one.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
