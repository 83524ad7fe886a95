import { describe, expect, it } from "vitest";
import { busyRetryPause, isBusyError, retryWhileBusy } from "./busy-retry";

const busy = (code = "SQLITE_BUSY") => Object.assign(new Error("database is locked"), { code });

describe("isBusyError", () => {
  it("knows SQLITE_BUSY and its extended codes", () => {
    for (const code of ["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_RECOVERY", "SQLITE_BUSY_TIMEOUT"]) expect(isBusyError(busy(code))).toBe(true);
  });

  it("leaves every other failure alone", () => {
    for (const error of [busy("SQLITE_LOCKED"), busy("SQLITE_BUSYNESS"), busy("SQLITE_CONSTRAINT"), new Error("SQLITE_BUSY"), null, undefined, "SQLITE_BUSY"]) {
      expect(isBusyError(error)).toBe(false);
    }
  });
});

describe("busyRetryPause", () => {
  it("grows from 10 ms by doubling and stops at 250 ms", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => busyRetryPause(attempt, 0.999999))).toEqual([10, 20, 40, 80, 160, 250, 250, 250]);
  });

  it("is jittered over the whole range but never zero", () => {
    expect(busyRetryPause(3, 0)).toBe(1);
    expect(busyRetryPause(3, 0.5)).toBe(40);
  });
});

describe("retryWhileBusy", () => {
  // A fake clock: each pause advances it, so the deadline is exercised without waiting.
  function clock() {
    let t = 0;
    const pauses: number[] = [];
    return { pauses, now: () => t, sleep: async (ms: number) => void (pauses.push(ms), (t += ms)), random: () => 0.5 };
  }

  it("runs the work again after each busy failure and returns its first success", async () => {
    const c = clock();
    const attempts: number[] = [];
    const result = await retryWhileBusy((attempt) => {
      attempts.push(attempt);
      if (attempt < 3) throw busy();
      return "saved";
    }, c);
    expect(result).toBe("saved");
    expect(attempts).toEqual([0, 1, 2, 3]);
    expect(c.pauses).toEqual([5, 10, 20]);
  });

  it("gives up with the busy error once the next pause would pass the deadline", async () => {
    const c = clock();
    let attempts = 0;
    const failure = busy();
    const run = retryWhileBusy(() => {
      attempts += 1;
      throw failure;
    }, { ...c, deadlineMs: 1000 });
    await expect(run).rejects.toBe(failure);
    expect(c.now()).toBeLessThanOrEqual(1000);
    expect(c.now() + busyRetryPause(attempts - 1, 0.5)).toBeGreaterThan(1000);
  });

  it("never retries any other failure", async () => {
    const c = clock();
    let attempts = 0;
    const conflict = new Error("conflict");
    await expect(
      retryWhileBusy(() => {
        attempts += 1;
        throw conflict;
      }, c),
    ).rejects.toBe(conflict);
    expect(attempts).toBe(1);
    expect(c.pauses).toEqual([]);
  });
});
