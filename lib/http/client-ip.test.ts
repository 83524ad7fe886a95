import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";

describe("clientIpFrom", () => {
  it("takes the hop added nearest to us, never a client-supplied one to its left", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIpFrom({ "x-forwarded-for": "::1" })).toBe("::1");
  });

  it("falls back to x-real-ip, then null", () => {
    expect(clientIpFrom({ "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
    expect(clientIpFrom({})).toBeNull();
    expect(clientIpFrom(undefined)).toBeNull();
  });
});
