import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { METHODS, type ActionOutcome, type Method } from "./route-table";

/**
 * What the app serves, read from disk and from the running app rather than listed by hand, so a new
 * route or action cannot slip past the authorization matrix. Playwright runs from the repository root,
 * after `next build`.
 */

const APP = path.resolve("app");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(file) : [file];
  });
}

/** `app/api/patients/[id]/route.ts` → `/api/patients/:id`; `[...x]` → `:x*`; route groups vanish. */
export function routePathOf(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep);
  const parts = segments
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[\[\.\.\.(\w+)\]\]$/, ":$1*").replace(/^\[\.\.\.(\w+)\]$/, ":$1*").replace(/^\[(\w+)\]$/, ":$1"));
  return `/${parts.join("/")}`;
}

/** Every route handler under app/ (API or not: a route.ts anywhere answers requests). */
export function discoverRoutePaths(): string[] {
  return walk(APP)
    .filter((file) => /(^|\/)route\.(ts|tsx|js|mjs)$/.test(file))
    .map(routePathOf)
    .sort();
}

/** A concrete URL for a discovered path: `:id` is a well-formed id, a catch-all one segment. */
export function sampleUrl(routePath: string): string {
  return routePath.replace(/:\w+\*/g, "matrix-sample").replace(/:\w+/g, "00000000-0000-4000-8000-000000000000");
}

/** The methods the running app says a URL answers (its OPTIONS `Allow`), less HEAD and OPTIONS. */
export async function allowedMethods(api: APIRequestContext, url: string): Promise<Method[]> {
  const response = await api.fetch(url, { method: "OPTIONS" });
  const allow = response.headers()["allow"] ?? "";
  const listed = allow.split(",").map((m) => m.trim().toUpperCase());
  return METHODS.filter((m) => listed.includes(m));
}

/** `export async function x` / `export const x` of every file under app/ or lib/ that starts with "use server". */
export function discoverServerActions(): string[] {
  const files = [...walk(APP), ...walk(path.resolve("lib"))].filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));
  return files.flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    // The directive must be the first statement; comments may precede it.
    const body = source.replace(/^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/, "");
    if (!/^["']use server["']/.test(body)) return [];
    const relative = path.relative(process.cwd(), file);
    return [...source.matchAll(/^export\s+(?:async\s+function|function|const|let)\s+(\w+)/gm)].map((m) => `${relative}#${m[1]}`);
  });
}

export type BuiltAction = { id: string; key: string; page: string };

/**
 * The build's server actions (`.next/server/server-reference-manifest.json`, Next 16: `node` maps each
 * action id to `{workers: {"app/(group)/page-path/page": ...}, filename, exportedName}`), with the
 * path of the first page that renders it: a browser posts an action to the page it is on.
 */
export function builtServerActions(): BuiltAction[] {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).sort()[0]!;
    return { id, key: `${entry.filename}#${entry.exportedName}`, page: pagePathOf(worker) };
  });
}

/** `app/(clinic)/patients/[id]/page` → `/patients/matrix-sample`. */
function pagePathOf(worker: string): string {
  const segments = worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.map((s) => (s.startsWith("[") ? "matrix-sample" : s)).join("/")}`;
}

/** Calls a server action as Next's client does: a POST to the page, the action's id in `Next-Action`. */
export function callServerAction(api: APIRequestContext, action: BuiltAction, body: string): Promise<APIResponse> {
  return api.post(action.page, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: body,
    maxRedirects: 0,
  });
}

/**
 * What a server action call came to. `signIn`: sent to the sign-in page without running (the proxy's
 * redirect for a signed-out visitor, or the action's own `redirect`); `ran`: an answer from the action;
 * `error`: it threw (Next answers 500 and logs it).
 */
export async function actionOutcome(response: APIResponse): Promise<ActionOutcome | `unexpected ${number}`> {
  const headers = response.headers();
  const location = headers["location"] ?? headers["x-action-redirect"];
  // x-action-redirect is `url;type` (Next's action redirect); Location is the proxy's plain redirect.
  if (location && new URL(location.split(";")[0]!, "http://x").pathname === "/login" && [200, 303, 307].includes(response.status())) return "signIn";
  if (response.status() >= 500) return "error";
  const text = await response.text();
  if (response.status() === 200 && headers["content-type"]?.startsWith("text/x-component") && !/^\d+:E\{/m.test(text)) return "ran";
  return `unexpected ${response.status()}`;
}
