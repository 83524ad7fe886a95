import type { IncomingMessage } from "node:http";

export declare const REMOTE_ADDRESS_HEADER: "x-dermaplan-remote-addr";

/** Replaces any client-sent REMOTE_ADDRESS_HEADER with the socket's address. */
export declare function stampRemoteAddress(req: IncomingMessage): void;
