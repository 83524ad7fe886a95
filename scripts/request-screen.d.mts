import type { IncomingHttpHeaders } from "node:http";

export declare const MAX_BODY_BYTES: number;

export type Refusal = { status: number; error: string };

/** A refusal for a request that must not reach the app (size, cross-site write, non-JSON API body), or null. */
export declare function screenRequest(
  req: { method?: string; url?: string; headers: IncomingHttpHeaders },
  options?: { publicOrigin?: string | null },
): Refusal | null;
