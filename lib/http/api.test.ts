import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/connection";
import { ConflictError } from "@/lib/errors";
import { apiRoute, readJson } from "./api";
import { BUSY_DEADLINE_MS, BUSY_MESSAGE } from "./busy-retry";

// The server's connection and a second one, as another process (a script, a second server) would hold it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dermaplan-busy-"));
const file = path.join(dir, "clinic.db");
let db: Db;
let other: Database.Database;

beforeAll(() => {
  db = openDatabase(file);
  db.$client.exec("create table notes (id integer primary key, text text not null)");
  other = new Database(file);
});
afterEach(() => {
  if (other.inTransaction) other.exec("ROLLBACK");
  db.$client.exec("delete from notes");
});
afterAll(() => {
  db.$client.close();
  other.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let attempts = 0;
/** Writes two rows in one IMMEDIATE transaction, like writeTransaction, from the JSON body. */
const saveNote = apiRoute(async (request) => {
  attempts += 1;
  const { text } = (await readJson(request)) as { text: string };
  db.transaction(
    (tx) => {
      tx.run(sql`insert into notes (text) values (${text})`);
      tx.run(sql`insert into notes (text) values (${`${text}, again`})`);
    },
    { behavior: "immediate" },
  );
  return Response.json({ saved: text }, { status: 201 });
});

const post = (text: string) =>
  saveNote(new Request("http://localhost/api/notes", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) }), {});

const notes = () => db.$client.prepare("select text from notes order by id").pluck().all();

/** Ticks every 10 ms and keeps the longest gap: a synchronous busy wait shows up as one long gap. */
function watchEventLoop() {
  let last = performance.now();
  let longestGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 10);
  return { stop: () => (clearInterval(timer), longestGap) };
}

describe("a write meeting another process's lock", () => {
  it("waits without blocking the event loop, then succeeds once, with the body read again", async () => {
    other.exec("BEGIN IMMEDIATE");
    setTimeout(() => other.exec("COMMIT"), 400);
    attempts = 0;
    const loop = watchEventLoop();
    const started = performance.now();
    const response = await post("tingling after the session");
    const elapsed = performance.now() - started;
    const longestGap = loop.stop();

    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ saved: "tingling after the session" });
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(attempts).toBeGreaterThan(1);
    // The lock was released by a timer, which could only fire because the wait was asynchronous.
    expect(longestGap).toBeLessThan(200);
    expect(notes()).toEqual(["tingling after the session", "tingling after the session, again"]);
  });

  it("answers 503 with Retry-After when the lock outlives the deadline, and nothing is written", async () => {
    other.exec("BEGIN IMMEDIATE");
    const loop = watchEventLoop();
    const started = performance.now();
    const response = await post("never stored");
    const elapsed = performance.now() - started;
    const longestGap = loop.stop();
    other.exec("COMMIT");

    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("2");
    expect(await response.json()).toEqual({ error: BUSY_MESSAGE });
    expect(elapsed).toBeGreaterThan(BUSY_DEADLINE_MS - 500);
    expect(elapsed).toBeLessThan(BUSY_DEADLINE_MS + 500);
    expect(longestGap).toBeLessThan(200);
    expect(notes()).toEqual([]);
  }, 10_000);

  it("writes at once when no one holds the lock", async () => {
    attempts = 0;
    const response = await post("no contention");
    expect(response.status).toBe(201);
    expect(attempts).toBe(1);
    expect(notes()).toHaveLength(2);
  });

  it("does not retry a refusal: a typed error answers once with its own status", async () => {
    let calls = 0;
    const refuse = apiRoute(() => {
      calls += 1;
      throw new ConflictError("Someone else decided first.");
    });
    const response = await refuse(new Request("http://localhost/api/x", { method: "POST", body: "{}" }), {});
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: "Someone else decided first." });
    expect(calls).toBe(1);
  });
});
