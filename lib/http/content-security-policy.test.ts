import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("runs only scripts carrying the nonce, never inline or eval'd code in production", () => {
    const csp = directives(contentSecurityPolicy("abc123"));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(contentSecurityPolicy("abc123")).not.toMatch(/unsafe-inline'[^;]*; style|script-src[^;]*unsafe/);
  });

  it("forbids framing, plugins and <base> rewriting", () => {
    const csp = directives(contentSecurityPolicy("n"));
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
  });

  it("adds eval for development only", () => {
    expect(directives(contentSecurityPolicy("n", { development: true })).get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
