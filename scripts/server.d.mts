import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

export declare const REMOTE_ADDRESS_HEADER: "x-dermaplan-remote-addr";

/** Replaces any client-sent REMOTE_ADDRESS_HEADER with the socket's address. */
export declare function stampRemoteAddress(req: IncomingMessage): void;

/** Stamps the peer's address, applies scripts/request-screen.mjs and HSTS, then hands the request to `handle`. */
export declare function createRequestListener(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
  options?: { publicUrl?: string | null },
): RequestListener;
