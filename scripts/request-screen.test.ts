import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, screenRequest } from "./request-screen.mjs";
import { createRequestListener } from "./server.mjs";

const HOST = "app.clinic.test";
const json = { "content-type": "application/json" };
const write = (headers: Record<string, string>, url = "/api/patients", method = "POST") => ({
  method,
  url,
  headers: { host: HOST, "content-length": "20", ...headers },
});

describe("screenRequest: body size", () => {
  it("lets a body of exactly the limit through and refuses one byte more with 413", () => {
    const at = { ...write({ origin: `https://${HOST}`, ...json }), headers: { host: HOST, origin: `https://${HOST}`, ...json, "content-length": String(MAX_BODY_BYTES) } };
    expect(screenRequest(at)).toBeNull();
    at.headers["content-length"] = String(MAX_BODY_BYTES + 1);
    expect(screenRequest(at)).toMatchObject({ status: 413 });
  });

  it("refuses a body without a declared length (chunked) with 411, whatever the route", () => {
    for (const url of ["/api/auth/callback/credentials", "/api/patients", "/login"]) {
      expect(screenRequest(write({ origin: `https://${HOST}`, "transfer-encoding": "chunked" }, url)), url).toMatchObject({ status: 411 });
    }
  });

  it("checks size before anything else, so a huge signed-out or cross-site post is still a 413", () => {
    expect(screenRequest(write({ "content-length": "200000000", origin: "https://evil.test" }, "/api/auth/callback/credentials"))).toMatchObject({ status: 413 });
  });
});

describe("screenRequest: cross-site writes", () => {
  it("accepts an Origin naming this host, or the deployment's public URL behind a proxy", () => {
    expect(screenRequest(write({ origin: `https://${HOST}`, ...json }))).toBeNull();
    expect(screenRequest(write({ origin: `http://${HOST}`, ...json }))).toBeNull();
    const proxied = { ...write({ origin: "https://derma.example.org", ...json }), headers: { host: "10.0.0.5:3000", origin: "https://derma.example.org", ...json, "content-length": "20" } };
    expect(screenRequest(proxied)).toMatchObject({ status: 403 });
    expect(screenRequest(proxied, { publicOrigin: "https://derma.example.org" })).toBeNull();
  });

  it("refuses a foreign, opaque or malformed Origin with 403, on every route and write method", () => {
    for (const origin of ["https://evil.test", `https://${HOST}.evil.test`, "null", "not a url", `https://evil.test/${HOST}`]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        expect(screenRequest(write({ origin, ...json }, "/api/patients", method)), `${method} ${origin}`).toMatchObject({ status: 403 });
      }
    }
    // next-auth's sign-in and a server action on a page are writes too.
    expect(screenRequest(write({ origin: "https://evil.test" }, "/api/auth/callback/credentials"))).toMatchObject({ status: 403 });
    expect(screenRequest(write({ origin: "https://evil.test", "next-action": "abc" }, "/account"))).toMatchObject({ status: 403 });
  });

  it("without an Origin, accepts only Sec-Fetch-Site: same-origin", () => {
    expect(screenRequest(write({ "sec-fetch-site": "same-origin", ...json }))).toBeNull();
    for (const site of ["same-site", "cross-site", "none"]) {
      expect(screenRequest(write({ "sec-fetch-site": site, ...json })), site).toMatchObject({ status: 403 });
    }
    expect(screenRequest(write({ ...json }))).toMatchObject({ status: 403 });
  });

  it("lets reads through from anywhere: they change nothing and answer only to the cookie's owner", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(screenRequest({ method, url: "/api/patients", headers: { host: HOST, origin: "https://evil.test" } }), method).toBeNull();
    }
  });
});

describe("screenRequest: API bodies are JSON", () => {
  const same = { origin: `https://${HOST}` };

  it("refuses text/plain, forms and a missing type on an API write with a body (415)", () => {
    for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp"]) {
      expect(screenRequest(write({ ...same, "content-type": type })), type).toMatchObject({ status: 415 });
    }
    expect(screenRequest(write({ ...same }))).toMatchObject({ status: 415 });
  });

  it("accepts application/json with parameters and in any case", () => {
    expect(screenRequest(write({ ...same, "content-type": "Application/JSON; charset=utf-8" }))).toBeNull();
  });

  it("lets next-auth's form posts and bodiless writes through, and sees through dot segments", () => {
    expect(screenRequest(write({ ...same, "content-type": "application/x-www-form-urlencoded" }, "/api/auth/callback/credentials"))).toBeNull();
    expect(screenRequest(write({ ...same, "content-type": "application/x-www-form-urlencoded;charset=UTF-8" }, "/api/auth/signout"))).toBeNull();
    expect(screenRequest(write({ ...same, "content-length": "0" }, "/api/alerts/1/acknowledge"))).toBeNull();
    expect(screenRequest(write({ ...same, "content-type": "text/plain" }, "/api/auth/../patients"))).toMatchObject({ status: 415 });
  });
});

describe("screenRequest: next-auth takes forms only", () => {
  it("refuses JSON and anything else on /api/auth/* with 415 (next-auth answers a 500 to JSON it cannot parse)", () => {
    for (const type of ["application/json", "text/plain", "multipart/form-data; boundary=x"]) {
      expect(screenRequest(write({ origin: `https://${HOST}`, "content-type": type }, "/api/auth/callback/credentials")), type).toMatchObject({ status: 415 });
    }
    // Other methods are not next-auth's: the route's JSON 405 answers them.
    expect(screenRequest(write({ origin: `https://${HOST}`, ...json }, "/api/auth/session", "PUT"))).toBeNull();
  });
});

describe("the server's request listener", () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  async function serve(publicUrl: string | null) {
    const handled: string[] = [];
    server = http.createServer(
      createRequestListener(async (req, res) => {
        handled.push(`${req.method} ${req.url}`);
        res.end("handled");
      }, { publicUrl }),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return { port: (server.address() as net.AddressInfo).port, handled };
  }

  /** Raw HTTP, so a request can declare a body it never sends. */
  function raw(port: number, head: string) {
    return new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => socket.write(head));
      let data = "";
      socket.on("data", (chunk) => (data += chunk));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
  }

  it("answers a 200 MB declared body with 413 at once, without reading it, and closes the connection", async () => {
    const { port, handled } = await serve(null);
    const answer = await raw(port, `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: localhost\r\nContent-Length: 200000000\r\nContent-Type: application/json\r\n\r\n{"a":`);
    expect(answer).toMatch(/^HTTP\/1.1 413/);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toContain('{"error":"The request body is too large: at most 64 kB."}');
    expect(handled).toEqual([]);
  });

  it("hands same-origin JSON writes to the app and refuses cross-site ones in the JSON error shape", async () => {
    const { port, handled } = await serve(null);
    const base = `http://127.0.0.1:${port}`;
    const ok = await fetch(`${base}/api/patients`, { method: "POST", headers: { origin: base, "content-type": "application/json" }, body: "{}" });
    expect(await ok.text()).toBe("handled");
    const foreign = await fetch(`${base}/api/patients`, { method: "POST", headers: { origin: "https://evil.test", "content-type": "text/plain" }, body: "{}" });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("cache-control")).toBe("no-store");
    expect(await foreign.json()).toEqual({ error: expect.stringMatching(/refused/) });
    expect(handled).toEqual(["POST /api/patients"]);
  });

  it("sends HSTS on every answer, refusals included, only when the deployment is served over https", async () => {
    const plain = await serve("http://localhost:3000");
    expect((await fetch(`http://127.0.0.1:${plain.port}/login`)).headers.get("strict-transport-security")).toBeNull();
    await new Promise((resolve) => server!.close(resolve));
    const secure = await serve("https://derma.example.org");
    const base = `http://127.0.0.1:${secure.port}`;
    expect((await fetch(`${base}/login`)).headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const refused = await fetch(`${base}/api/patients`, { method: "POST", headers: { origin: "https://evil.test" }, body: "{}" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("strict-transport-security")).toMatch(/max-age=/);
  });
});
