import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { trustedProxies } from "@/lib/env";
import { REMOTE_ADDRESS_HEADER as SERVER_HEADER, stampRemoteAddress } from "@/scripts/server.mjs";
import { clientIpFrom, REMOTE_ADDRESS_HEADER } from "./client-ip";

const peer = (address: string, more: Record<string, string> = {}) => ({ [REMOTE_ADDRESS_HEADER]: address, ...more });

describe("clientIpFrom without a trusted proxy (the default)", () => {
  it("is the socket's address; a client-sent X-Forwarded-For or X-Real-IP is ignored", () => {
    expect(clientIpFrom(peer("198.51.100.4", { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" }), [])).toBe("198.51.100.4");
    expect(clientIpFrom(new Headers(peer("198.51.100.4", { "x-forwarded-for": "6.6.6.6, 203.0.113.9" })), [])).toBe("198.51.100.4");
  });

  it("reads the default from TRUSTED_PROXIES, which is empty unless set", () => {
    const saved = process.env.TRUSTED_PROXIES;
    delete process.env.TRUSTED_PROXIES;
    try {
      expect(clientIpFrom(peer("127.0.0.1", { "x-forwarded-for": "6.6.6.6" }))).toBe("127.0.0.1");
    } finally {
      if (saved !== undefined) process.env.TRUSTED_PROXIES = saved;
    }
  });

  it("is null when the request did not come through our server", () => {
    expect(clientIpFrom({ "x-forwarded-for": "6.6.6.6" }, [])).toBeNull();
    expect(clientIpFrom({}, [])).toBeNull();
    expect(clientIpFrom(undefined, [])).toBeNull();
  });

  it("writes IPv4-mapped IPv6 peers as IPv4", () => {
    expect(clientIpFrom(peer("::ffff:192.0.2.1"), [])).toBe("192.0.2.1");
    expect(clientIpFrom(peer("::1"), [])).toBe("::1");
  });
});

describe("clientIpFrom behind trusted proxies", () => {
  it("takes the right-most X-Forwarded-For hop that is not a trusted proxy", () => {
    const forged = "6.6.6.6, 203.0.113.9";
    expect(clientIpFrom(peer("127.0.0.1", { "x-forwarded-for": forged }), ["127.0.0.1"])).toBe("203.0.113.9");
    // Two proxies: the load balancer's hop is passed over as well.
    expect(clientIpFrom(peer("::ffff:127.0.0.1", { "x-forwarded-for": `${forged}, 10.0.0.7` }), ["127.0.0.1", "10.0.0.0/8"])).toBe("203.0.113.9");
    expect(clientIpFrom(new Headers(peer("::1", { "x-forwarded-for": "[2001:db8::5]:443" })), ["::1"])).toBe("2001:db8::5");
  });

  it("ignores X-Forwarded-For when the peer itself is not trusted", () => {
    expect(clientIpFrom(peer("198.51.100.4", { "x-forwarded-for": "6.6.6.6" }), ["127.0.0.1"])).toBe("198.51.100.4");
  });

  it("is the trusted peer itself when nothing was forwarded, and null for an unreadable hop", () => {
    expect(clientIpFrom(peer("127.0.0.1"), ["127.0.0.1"])).toBe("127.0.0.1");
    expect(clientIpFrom(peer("127.0.0.1", { "x-forwarded-for": "6.6.6.6, unknown" }), ["127.0.0.1"])).toBeNull();
  });
});

describe("TRUSTED_PROXIES", () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXIES;
  });

  it("accepts addresses and CIDR ranges, and refuses anything else", () => {
    process.env.TRUSTED_PROXIES = " 127.0.0.1, ::1 ,10.0.0.0/8,";
    expect(trustedProxies()).toEqual(["127.0.0.1", "::1", "10.0.0.0/8"]);
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0.1/8/1", "10.0.0.0/x"]) {
      process.env.TRUSTED_PROXIES = bad;
      expect(() => trustedProxies(), bad).toThrow(/TRUSTED_PROXIES/);
    }
  });
});

describe("our server entry (scripts/server.mjs)", () => {
  it("names the header clientIpFrom reads", () => {
    expect(SERVER_HEADER).toBe(REMOTE_ADDRESS_HEADER);
  });

  it("replaces every client-sent copy of the header with the socket's address", async () => {
    const server = http.createServer((req, res) => {
      stampRemoteAddress(req);
      res.end(JSON.stringify({ header: req.headers[REMOTE_ADDRESS_HEADER], ip: clientIpFrom(req.headers, []) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      // Raw HTTP, so the forged header can be sent twice and in any case.
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1", () => {
          socket.write(
            `GET / HTTP/1.1\r\nHost: x\r\nX-Dermaplan-Remote-Addr: 6.6.6.6\r\n${REMOTE_ADDRESS_HEADER}: 7.7.7.7\r\nX-Forwarded-For: 8.8.8.8\r\nConnection: close\r\n\r\n`,
          );
        });
        let data = "";
        socket.on("data", (chunk) => (data += chunk));
        socket.on("end", () => resolve(data));
        socket.on("error", reject);
      });
      expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toEqual({ header: "127.0.0.1", ip: "127.0.0.1" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
