import { NextResponse } from "next/server";

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response;

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
type Method = "GET" | (typeof WRITE_METHODS)[number];

export type RouteMethods<C> = Record<Method | "HEAD" | "OPTIONS", Handler<C>>;

/**
 * Every method a route file exports. The ones it implements run as given; every other method
 * answers 405 in the API's JSON error shape with an `Allow` header (Next's own 405 has neither), and
 * OPTIONS answers 204 with that `Allow`. Route files export the whole result:
 * `export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods({ GET: list });`
 *
 * HEAD runs the GET handler, unless `head: false`: an export's GET is audited as a disclosure of
 * health data and does the work of the whole file, neither of which a HEAD should cause.
 */
export function apiMethods<C>(handlers: Partial<Record<Method, Handler<C>>>, options: { head?: boolean } = {}): RouteMethods<C> {
  const implemented = (["GET", ...WRITE_METHODS] as const).filter((method) => handlers[method]);
  const head = options.head !== false ? handlers.GET : undefined;
  const allow = [...implemented, ...(head ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const notAllowed = () =>
    NextResponse.json({ error: `This endpoint does not accept that method. Allowed: ${allow}.` }, { status: 405, headers: { Allow: allow } });
  return {
    GET: handlers.GET ?? notAllowed,
    // A HEAD answer is the GET answer without its body (Node drops the body of a HEAD response).
    HEAD: head ?? notAllowed,
    POST: handlers.POST ?? notAllowed,
    PUT: handlers.PUT ?? notAllowed,
    PATCH: handlers.PATCH ?? notAllowed,
    DELETE: handlers.DELETE ?? notAllowed,
    OPTIONS: () => new Response(null, { status: 204, headers: { Allow: allow } }),
  };
}
