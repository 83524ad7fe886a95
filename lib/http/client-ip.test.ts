import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";

describe("clientIpFrom", () => {
  it("takes the first x-forwarded-for hop", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("203.0.113.9");
    expect(clientIpFrom({ "x-forwarded-for": "::1" })).toBe("::1");
  });

  it("falls back to x-real-ip, then null", () => {
    expect(clientIpFrom({ "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
    expect(clientIpFrom({})).toBeNull();
    expect(clientIpFrom(undefined)).toBeNull();
  });
});
