import { encode, type JWT } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readSessionToken } from "./session-token";

const secret = "a-test-secret-of-enough-length-0123456789";
const claims = (uid: string, sessionVersion = 1): JWT => ({ uid, role: "clinician", clinicId: "clinic-1", patientId: null, sessionVersion, sid: `sid-${uid}` });
const cookies = (entries: Record<string, string>) => ({ getAll: () => Object.entries(entries).map(([name, value]) => ({ name, value })) });

describe("readSessionToken", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("reads what next-auth wrote, whole or in chunks, and nothing else", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", secret);
    const token = await encode({ token: claims("user-1", 3), secret, maxAge: 60 });
    expect(await readSessionToken(cookies({ "dermaplan.session-token": token }))).toMatchObject({ uid: "user-1", sessionVersion: 3 });
    const [a, b] = [token.slice(0, 40), token.slice(40)];
    expect(await readSessionToken(cookies({ "dermaplan.session-token.1": b, "dermaplan.session-token.0": a }))).toMatchObject({ uid: "user-1" });
    expect(await readSessionToken(cookies({}))).toBeNull();
    expect(await readSessionToken(cookies({ "dermaplan.session-token": `${token.slice(0, -2)}xx` }))).toBeNull();
  });

  it("refuses an expired token and one made with another secret", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", secret);
    const expired = await encode({ token: claims("user-1"), secret, maxAge: -60 });
    expect(await readSessionToken(cookies({ "dermaplan.session-token": expired }))).toBeNull();
    const foreign = await encode({ token: claims("user-1"), secret: "another-secret-entirely-0123456789abcdef", maxAge: 60 });
    expect(await readSessionToken(cookies({ "dermaplan.session-token": foreign }))).toBeNull();
  });

  it("uses the __Secure- cookie when the site is served over https", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", secret);
    vi.stubEnv("NEXTAUTH_URL", "https://clinic.example");
    const token = await encode({ token: claims("user-2"), secret, maxAge: 60 });
    expect(await readSessionToken(cookies({ "dermaplan.session-token": token }))).toBeNull();
    expect(await readSessionToken(cookies({ "__Host-dermaplan.session-token": token }))).toMatchObject({ uid: "user-2" });
  });

  it("decrypts a token once, yet still refuses it once it expires or the secret changes", async () => {
    vi.stubEnv("NEXTAUTH_SECRET", secret);
    const token = await encode({ token: claims("user-3"), secret, maxAge: 60 });
    const jar = cookies({ "dermaplan.session-token": token });
    const first = await readSessionToken(jar);
    expect(await readSessionToken(jar)).toBe(first);
    vi.useFakeTimers({ now: Date.now() + 80_000, toFake: ["Date"] });
    try {
      expect(await readSessionToken(jar)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
    expect(await readSessionToken(jar)).toMatchObject({ uid: "user-3" });
    vi.stubEnv("NEXTAUTH_SECRET", "another-secret-entirely-0123456789abcdef");
    expect(await readSessionToken(jar)).toBeNull();
  });
});
