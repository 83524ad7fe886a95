import { afterEach, describe, expect, it, vi } from "vitest";
import { receivedAt } from "./freshness";

afterEach(() => vi.useRealTimers());

describe("receivedAt", () => {
  it("keeps the time a render first arrived, so a page the back button restores is as old as it was", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-11-21T09:00:00Z"));
    expect(receivedAt("render-1")).toBe(Date.parse("2026-11-21T09:00:00Z"));
    vi.setSystemTime(new Date("2026-11-21T09:05:00Z"));
    expect(receivedAt("render-1")).toBe(Date.parse("2026-11-21T09:00:00Z"));
    expect(receivedAt("render-2")).toBe(Date.parse("2026-11-21T09:05:00Z"));
  });
});
