import { afterEach, describe, expect, it } from "vitest";
import { useEmptyTestDatabase } from "@/test/database";
import { GET } from "./route";

let close = () => {};
afterEach(() => close());

describe("GET /api/health", () => {
  it("answers ok after a real query", async () => {
    ({ close } = useEmptyTestDatabase({ migrated: true }));
    const response = await GET(new Request("http://localhost/api/health"), {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 with a message when the database is unusable", async () => {
    ({ close } = useEmptyTestDatabase({ migrated: false }));
    const response = await GET(new Request("http://localhost/api/health"), {});
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", error: "The database is unavailable." });
  });
});
