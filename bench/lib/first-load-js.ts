import zlib from "node:zlib";
import type { Who } from "./sign-in";

export type PageJs = { page: string; as: Who; group: "portal" | "clinic"; scripts: number; gzipBytes: number };

/** Sign-in counts with the portal: patients on phones meet it first. `{id}` is the heavy patient. */
export const FIRST_LOAD_PAGES: { page: string; as: Who; group: PageJs["group"] }[] = [
  { page: "/login", as: "anonymous", group: "portal" },
  { page: "/portal", as: "patient", group: "portal" },
  { page: "/portal/history", as: "patient", group: "portal" },
  { page: "/portal/log-session", as: "patient", group: "portal" },
  { page: "/portal/report-reaction", as: "patient", group: "portal" },
  { page: "/patients", as: "staff", group: "clinic" },
  { page: "/patients/{id}", as: "staff", group: "clinic" },
  { page: "/alerts", as: "staff", group: "clinic" },
  { page: "/review", as: "staff", group: "clinic" },
  { page: "/overview", as: "staff", group: "clinic" },
];

/**
 * Every script the page makes the browser fetch before it is interactive: the `<script src>` tags and
 * the chunks of client components named in the inline React Server Components payload (React loads
 * those while hydrating). Chunks a component imports lazily later are not in the HTML, so not counted;
 * nor are `noModule` polyfills, which browsers with ES modules skip.
 */
const SCRIPT_URL = /\/_next\/static\/[^"'\s\\<>?]+\.js/g;
const NO_MODULE_TAG = /<script\b[^>]*\bnomodule\b[^>]*>/gi;

export function firstLoadScripts(html: string): string[] {
  const skipped = new Set((html.match(NO_MODULE_TAG) ?? []).flatMap((tag) => tag.match(SCRIPT_URL) ?? []));
  return [...new Set(html.match(SCRIPT_URL) ?? [])].filter((url) => !skipped.has(url));
}

export async function measureFirstLoadJs(origin: string, cookieFor: (who: Who) => string, patientId: string): Promise<PageJs[]> {
  const gzipped = new Map<string, Promise<number>>();
  const gzipSize = (url: string) => {
    if (!gzipped.has(url)) {
      gzipped.set(
        url,
        fetch(`${origin}${url}`).then(async (response) => {
          if (!response.ok) throw new Error(`${url} answered ${response.status}`);
          return zlib.gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length;
        }),
      );
    }
    return gzipped.get(url)!;
  };
  const results: PageJs[] = [];
  for (const { page, as, group } of FIRST_LOAD_PAGES) {
    const response = await fetch(`${origin}${page.replace("{id}", patientId)}`, { redirect: "manual", headers: { cookie: cookieFor(as) } });
    if (response.status !== 200) throw new Error(`First-load JS: ${page} as ${as} answered ${response.status}, not 200.`);
    const scripts = firstLoadScripts(await response.text());
    const sizes = await Promise.all(scripts.map(gzipSize));
    results.push({ page, as, group, scripts: scripts.length, gzipBytes: sizes.reduce((a, b) => a + b, 0) });
  }
  return results;
}
