import clsx from "clsx";
import type { ComponentProps } from "react";

export function Card({ className, ...props }: ComponentProps<"section">) {
  return <section className={clsx("rounded-lg border border-slate-200 bg-white p-5 shadow-sm", className)} {...props} />;
}

export function Alert({ tone = "info", className, ...props }: ComponentProps<"div"> & { tone?: "info" | "error" | "warning" }) {
  const tones = {
    info: "border-sky-300 bg-sky-50 text-sky-900",
    error: "border-red-300 bg-red-50 text-red-900",
    warning: "border-amber-300 bg-amber-50 text-amber-900",
  };
  return <div className={clsx("rounded-md border px-4 py-3 text-sm", tones[tone], className)} {...props} />;
}
