import { describe, expect, it } from "vitest";
import { matchTotp, newTotpSecret, otpauthUri, totpAt } from "./totp";

describe("TOTP (RFC 6238)", () => {
  const secret = newTotpSecret();
  const now = Date.parse("2026-11-22T10:00:10Z");

  it("accepts the current code and one step either side, naming the step", () => {
    const step = Math.floor(now / 30_000);
    expect(matchTotp(secret, totpAt(secret, now), now)).toBe(step);
    expect(matchTotp(secret, totpAt(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotp(secret, totpAt(secret, now + 30_000), now)).toBe(step + 1);
  });

  it("refuses a code two steps away, and another secret's code", () => {
    expect(matchTotp(secret, totpAt(secret, now - 60_000), now)).toBeNull();
    expect(matchTotp(secret, totpAt(newTotpSecret(), now), now)).toBeNull();
  });

  it("matches the RFC 6238 SHA-1 test vector at T = 59 s", () => {
    // The RFC's seed "12345678901234567890" in base32; its 8-digit 94287082 ends in these 6 digits.
    expect(totpAt("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59_000)).toBe("287082");
  });

  it("names the issuer and account in the enrolment URI", () => {
    expect(otpauthUri(secret, "rivera@northside.test")).toMatch(/^otpauth:\/\/totp\/Dermaplan:rivera%40northside\.test\?issuer=Dermaplan&secret=[A-Z2-7]+&algorithm=SHA1&digits=6&period=30$/);
  });
});
