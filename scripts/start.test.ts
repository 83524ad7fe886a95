import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm start", () => {
  it("refuses to start without NEXTAUTH_SECRET, with a one-line explanation", () => {
    const env = { ...process.env };
    delete env.NEXTAUTH_SECRET;
    const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], { env, encoding: "utf8", timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual(["Refusing to start: NEXTAUTH_SECRET is not set (generate one with `openssl rand -base64 32`)."]);
  });
});
