import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/connection";
import { auditEvents, clinics, signInThrottle } from "@/db/schema";
import { writeTransaction } from "@/db";
import { beginSignInAttempt, settleSignInAttempt, sweepExpiredThrottles } from "@/lib/data/throttle";
import { clientIpFrom, REMOTE_ADDRESS_HEADER } from "@/lib/http/client-ip";
import { useSeededTestDatabase } from "@/test/database";
import { authenticate } from "./authenticate";
import { withSignInThrottle } from "./throttle";
import { accountKey, ADDRESS_FAILURE_LIMIT, blockFor, describeKey, THROTTLE_WINDOW_MS } from "./throttle-policy";

let db: Db;
let close: () => void;
beforeAll(async () => ({ db, close } = await useSeededTestDatabase()));
afterAll(() => close());

const PASSWORD = "demo-pass-1234";
/** Tests that run the limit's worth of argon2 checks (~50 ms each, more on a busy machine). */
const ARGON2_HEAVY_MS = 60_000;
const at = (iso: string, plusMs = 0) => new Date(Date.parse(iso) + plusMs);

/**
 * The sign-in endpoint as the app wires it: the throttle wrapper around a stand-in for next-auth that
 * runs authenticate() with the address our server stamped (401 on refusal, 200 on success).
 */
function signInEndpoint(now: () => Date) {
  let reachedHandler = 0;
  const handle = withSignInThrottle(async (req: Request) => {
    reachedHandler += 1;
    const user = await authenticate(await req.json(), clientIpFrom(req.headers, []), now());
    return new Response(null, { status: user ? 200 : 401 });
  }, now);
  const post = (ip: string, email: string, password: string) =>
    handle(
      new Request("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/json", [REMOTE_ADDRESS_HEADER]: ip },
        body: JSON.stringify({ email, password }),
      }),
    );
  return { post, reachedHandler: () => reachedHandler };
}

const signInReasons = (email: string) =>
  db
    .select({ detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "auth.sign_in"), like(auditEvents.detail, `%"email":"${email}"%`)))
    .all()
    .map((r) => JSON.parse(r.detail!).reason as string);

const auditRows = (action: string, address: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.ip, address)))
    .all()
    .map((r) => ({ ...r, detail: JSON.parse(r.detail!) }));

describe("per-address limit", () => {
  it(`answers 429 with Retry-After after ${ADDRESS_FAILURE_LIMIT} failures in 15 minutes, before the password is checked`, { timeout: ARGON2_HEAVY_MS }, async () => {
    const t0 = "2026-03-02T09:00:00Z";
    let clock = at(t0);
    const endpoint = signInEndpoint(() => clock);
    // Different emails, so only the address counter can be what stops them.
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i += 1) {
      expect((await endpoint.post("203.0.113.50", `nobody-${i}@spray.test`, "guess")).status).toBe(401);
    }
    const reached = endpoint.reachedHandler();
    clock = at(t0, 60_000);
    const refused = await endpoint.post("203.0.113.50", "rivera@northside.test", PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBe(14 * 60);
    expect(await refused.json()).toEqual({ error: expect.any(String) });
    expect(endpoint.reachedHandler()).toBe(reached);
    expect(signInReasons("rivera@northside.test")).not.toContain("wrong_password");
    // Another address is not affected.
    expect((await endpoint.post("203.0.113.51", "rivera@northside.test", PASSWORD)).status).toBe(200);
    // The block ends 15 minutes after the 50th failure.
    clock = at(t0, THROTTLE_WINDOW_MS + 1000);
    expect((await endpoint.post("203.0.113.50", "rivera@northside.test", PASSWORD)).status).toBe(200);
  });

  it("does not count successful sign-ins", { timeout: ARGON2_HEAVY_MS }, async () => {
    const now = at("2026-03-03T09:00:00Z");
    const endpoint = signInEndpoint(() => now);
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT - 1; i += 1) await endpoint.post("203.0.113.60", `nobody-${i}@spray.test`, "guess");
    for (let i = 0; i < 5; i += 1) expect((await endpoint.post("203.0.113.60", "okafor@northside.test", PASSWORD)).status).toBe(200);
    expect((await endpoint.post("203.0.113.60", "okafor@northside.test", "guess")).status).toBe(401);
    expect((await endpoint.post("203.0.113.60", "okafor@northside.test", PASSWORD)).status).toBe(429);
  });

  it("lets no more parallel attempts reach the password check than the limit allows", { timeout: ARGON2_HEAVY_MS }, async () => {
    const now = at("2026-03-04T09:00:00Z");
    const attempts = Array.from({ length: ADDRESS_FAILURE_LIMIT + 20 }, (_, i) => authenticate({ email: `par-${i}@spray.test`, password: "guess" }, "203.0.113.70", now));
    expect((await Promise.all(attempts)).every((user) => user === null)).toBe(true);
    const reasons = Array.from({ length: ADDRESS_FAILURE_LIMIT + 20 }, (_, i) => signInReasons(`par-${i}@spray.test`)).flat();
    expect(reasons.filter((r) => r === "unknown_email")).toHaveLength(ADDRESS_FAILURE_LIMIT);
    expect(reasons.filter((r) => r === "throttled")).toHaveLength(20);
  });
});

describe("per account and address", () => {
  it("an attacker's failures elsewhere do not lock the account for its owner", async () => {
    const now = at("2026-03-05T09:00:00Z");
    const endpoint = signInEndpoint(() => now);
    for (let i = 0; i < 20; i += 1) await endpoint.post("198.51.100.66", "chen@southbay.test", `guess-${i}`);
    expect((await endpoint.post("198.51.100.66", "chen@southbay.test", PASSWORD)).status).toBe(429);
    expect((await endpoint.post("192.0.2.10", "chen@southbay.test", PASSWORD)).status).toBe(200);
  });

  it("backs off exponentially: 5 free failures, then 30 s, 1 min, 2 min …", async () => {
    const t0 = "2026-03-06T09:00:00Z";
    let clock = at(t0);
    const endpoint = signInEndpoint(() => clock);
    for (let i = 0; i < 5; i += 1) expect((await endpoint.post("198.51.100.70", "okafor@northside.test", "guess")).status).toBe(401);
    const first = await endpoint.post("198.51.100.70", "okafor@northside.test", PASSWORD);
    expect([first.status, first.headers.get("Retry-After")]).toEqual([429, "30"]);
    clock = at(t0, 30_000);
    expect((await endpoint.post("198.51.100.70", "okafor@northside.test", "guess")).status).toBe(401);
    expect((await endpoint.post("198.51.100.70", "okafor@northside.test", PASSWORD)).headers.get("Retry-After")).toBe("60");
    clock = at(t0, 90_000);
    expect((await endpoint.post("198.51.100.70", "okafor@northside.test", PASSWORD)).status).toBe(200);
    // A success clears the account's counter for this address.
    expect(db.select().from(signInThrottle).where(eq(signInThrottle.key, "acct:okafor@northside.test|198.51.100.70")).get()).toBeUndefined();
  });

  it("lets 30 parallel wrong attempts reach the password check only 5 times", async () => {
    const now = at("2026-03-07T09:00:00Z");
    const attempts = Array.from({ length: 30 }, (_, i) => authenticate({ email: "patel@patient.test", password: `guess-${i}` }, "198.51.100.80", now));
    await Promise.all(attempts);
    const reasons = signInReasons("patel@patient.test");
    expect(reasons.filter((r) => r === "wrong_password")).toHaveLength(5);
    expect(reasons.filter((r) => r === "throttled")).toHaveLength(25);
  });

  it("forgets failures once the window has passed", async () => {
    const t0 = "2026-03-08T09:00:00Z";
    for (let i = 0; i < 4; i += 1) await authenticate({ email: "lee@patient.test", password: "guess" }, "198.51.100.90", at(t0));
    // Four more 16 minutes later would be eight in all: without decay the fifth would already block.
    for (let i = 0; i < 4; i += 1) await authenticate({ email: "lee@patient.test", password: "guess" }, "198.51.100.90", at(t0, 16 * 60_000));
    expect(await authenticate({ email: "lee@patient.test", password: PASSWORD }, "198.51.100.90", at(t0, 16 * 60_000))).not.toBeNull();
  });
});

describe("audit", () => {
  it("records each throttle and its lift, with the address and the account's email and clinic", async () => {
    const t0 = "2026-03-09T09:00:00Z";
    for (let i = 0; i < 5; i += 1) await authenticate({ email: "admin@northside.test", password: "guess" }, "192.0.2.77", at(t0));
    const northside = db.select({ id: clinics.id }).from(clinics).where(eq(clinics.name, "Northside Dermatology")).get()!.id;
    const [throttle] = auditRows("auth.throttle", "192.0.2.77");
    expect(throttle).toMatchObject({
      outcome: "denied",
      clinicId: northside,
      actorId: null,
      detail: { scope: "account", email: "admin@northside.test", address: "192.0.2.77", failures: 5, retryAfterS: 30 },
    });
    // The block ends by itself; the next attempt (or the periodic sweep) records that.
    expect(await authenticate({ email: "admin@northside.test", password: PASSWORD }, "192.0.2.77", at(t0, 31_000))).not.toBeNull();
    expect(auditRows("auth.throttle_lifted", "192.0.2.77")).toEqual([
      expect.objectContaining({ outcome: "success", clinicId: northside, detail: expect.objectContaining({ scope: "account", email: "admin@northside.test", reason: "expired" }) }),
    ]);
  });

  it("records an address throttle, and the sweep records its lift", { timeout: ARGON2_HEAVY_MS }, async () => {
    const t0 = "2026-03-10T09:00:00Z";
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i += 1) await authenticate({ email: `sweep-${i}@spray.test`, password: "x" }, "192.0.2.88", at(t0));
    expect(auditRows("auth.throttle", "192.0.2.88").filter((r) => r.detail.scope === "address")).toEqual([
      expect.objectContaining({ clinicId: null, detail: expect.objectContaining({ address: "192.0.2.88", failures: ADDRESS_FAILURE_LIMIT, retryAfterS: 900 }) }),
    ]);
    writeTransaction((tx) => sweepExpiredThrottles(tx, at(t0, THROTTLE_WINDOW_MS)));
    expect(db.select().from(signInThrottle).where(eq(signInThrottle.key, "ip:192.0.2.88")).get()).toBeUndefined();
    expect(auditRows("auth.throttle_lifted", "192.0.2.88").map((r) => r.detail)).toContainEqual(expect.objectContaining({ scope: "address", reason: "expired" }));
  });

  it("a correct password awaiting its second factor takes back its own count and block, unaudited", () => {
    const now = at("2026-03-11T09:00:00Z");
    const failed = (verdict: ReturnType<typeof beginSignInAttempt>) =>
      verdict.allowed && writeTransaction((tx) => settleSignInAttempt(tx, verdict.attempt, "failed", now));
    for (let i = 0; i < 4; i += 1) failed(beginSignInAttempt("192.0.2.99", "garcia@patient.test", now));
    const fifth = beginSignInAttempt("192.0.2.99", "garcia@patient.test", now);
    if (!fifth.allowed) throw new Error("the fifth attempt is allowed");
    // While the fifth is being checked, the block it would start already holds off a sixth.
    expect(beginSignInAttempt("192.0.2.99", "garcia@patient.test", now)).toEqual({ allowed: false, retryAfterS: 30 });
    writeTransaction((tx) => settleSignInAttempt(tx, fifth.attempt, "password_correct", now));
    const row = db.select().from(signInThrottle).where(eq(signInThrottle.key, "acct:garcia@patient.test|192.0.2.99")).get();
    expect(row).toMatchObject({ failures: 4, blockedUntil: null });
    expect(auditRows("auth.throttle", "192.0.2.99")).toEqual([]);
    expect(auditRows("auth.throttle_lifted", "192.0.2.99")).toEqual([]);
  });
});

describe("rules", () => {
  it("double the account delay from 30 s up to 15 minutes; the address blocks for 15 minutes at 50", () => {
    expect([4, 5, 6, 7, 8, 9, 10, 20].map((n) => blockFor("account", n))).toEqual([null, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
    expect([49, 50].map((n) => blockFor("address", n))).toEqual([null, 900_000]);
  });

  it("read an account key back even when the email holds a bar", () => {
    expect(describeKey(accountKey('"a|b"@x.test', "2001:db8::1"))).toEqual({ scope: "account", email: '"a|b"@x.test', address: "2001:db8::1" });
  });
});
