import { describe, expect, it } from "vitest";
import { apiMethods } from "./methods";

const request = (method: string) => new Request("http://localhost/api/x", { method });
const ok = () => Response.json({ ok: true });

describe("apiMethods", () => {
  it("runs the handlers a route implements", async () => {
    const routes = apiMethods({ GET: ok, POST: () => Response.json({ created: true }, { status: 201 }) });
    expect((await routes.GET(request("GET"), {})).status).toBe(200);
    expect((await routes.HEAD(request("HEAD"), {})).status).toBe(200);
    expect((await routes.POST(request("POST"), {})).status).toBe(201);
  });

  it("answers every other method with a JSON 405 naming the allowed ones", async () => {
    const routes = apiMethods({ GET: ok, POST: ok });
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      const response = await routes[method](request(method), {});
      expect(response.status, method).toBe(405);
      expect(response.headers.get("Allow")).toBe("GET, POST, HEAD, OPTIONS");
      expect(await response.json()).toEqual({ error: "This endpoint does not accept that method. Allowed: GET, POST, HEAD, OPTIONS." });
    }
  });

  it("refuses GET and HEAD on a write-only route, and OPTIONS lists what is allowed", async () => {
    const routes = apiMethods({ DELETE: ok });
    expect((await routes.GET(request("GET"), {})).status).toBe(405);
    expect((await routes.HEAD(request("HEAD"), {})).headers.get("Allow")).toBe("DELETE, OPTIONS");
    const options = await routes.OPTIONS(request("OPTIONS"), {});
    expect(options.status).toBe(204);
    expect(options.headers.get("Allow")).toBe("DELETE, OPTIONS");
  });

  it("refuses HEAD where a GET is an audited export", async () => {
    const routes = apiMethods({ GET: ok }, { head: false });
    const head = await routes.HEAD(request("HEAD"), {});
    expect(head.status).toBe(405);
    expect(head.headers.get("Allow")).toBe("GET, OPTIONS");
    expect((await routes.GET(request("GET"), {})).status).toBe(200);
  });
});
