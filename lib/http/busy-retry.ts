/**
 * Riding out a write lock held by another process (a second server, `db:seed`, a backup tool).
 * better-sqlite3 waits for a lock synchronously, freezing the event loop, so the connection waits only
 * briefly (db/connection.ts SERVER_BUSY_TIMEOUT_MS) and the request is retried here after an
 * asynchronous pause, during which every other request is served.
 */

/** How long one request keeps trying before it answers 503: longer than any routine lock, shorter than a client's patience. */
export const BUSY_DEADLINE_MS = 3000;
/** Seconds a client is told to wait after a 503 (Retry-After). */
export const BUSY_RETRY_AFTER_SECONDS = 2;
export const BUSY_MESSAGE = "The database is busy and this request was not completed. Please try again in a moment.";

const FIRST_PAUSE_MS = 10;
const LONGEST_PAUSE_MS = 250;

/**
 * SQLITE_BUSY and its extended forms (SQLITE_BUSY_SNAPSHOT, _RECOVERY, _TIMEOUT): the lock was not
 * ours. SQLITE_LOCKED is a conflict inside one connection, which waiting cannot cure.
 */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_BUSY(_|$)/.test(code);
}

/**
 * The pause before retry number `attempt + 1`: exponential, capped, with full jitter so requests
 * that failed together do not retry together. `random` is in [0, 1).
 */
export function busyRetryPause(attempt: number, random: number): number {
  const ceiling = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.max(0, attempt));
  return Math.max(1, Math.round(ceiling * random));
}

type RetryOptions = { deadlineMs?: number; random?: () => number; now?: () => number; sleep?: (ms: number) => Promise<void> };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` again while it fails with SQLITE_BUSY, until `deadlineMs` have passed; then the last
 * busy error is thrown. Safe for work whose transactions roll back when they throw (every
 * writeTransaction does), so the failed write left nothing behind. A write committed earlier in the
 * same attempt runs again: in this app that is an activity stamp or a read's audit row, harmless twice.
 */
export async function retryWhileBusy<T>(work: (attempt: number) => T | Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { deadlineMs = BUSY_DEADLINE_MS, random = Math.random, now = Date.now, sleep: pause = sleep } = options;
  const startedAt = now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work(attempt);
    } catch (error) {
      if (!isBusyError(error)) throw error;
      const wait = busyRetryPause(attempt, random());
      if (now() - startedAt + wait > deadlineMs) throw error;
      await pause(wait);
    }
  }
}
