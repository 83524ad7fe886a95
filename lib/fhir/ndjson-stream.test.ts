import { describe, expect, it, vi } from "vitest";
import { ndjsonStream, ndjsonZipStream, type NdjsonFile } from "./ndjson-stream";
import { readZip } from "./testing/read-zip";

const read = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());
const file = (name: string, count: number): NdjsonFile => ({ name, lines: () => Array.from({ length: count }, (_, i) => `{"n":${i}}\n`) });

describe("ndjsonZipStream", () => {
  it("zips each file whole, in order, and reports a complete read once", async () => {
    const onEnd = vi.fn();
    const files = readZip(await read(ndjsonZipStream([file("A.ndjson", 3), file("B.ndjson", 20_000), file("Empty.ndjson", 0)], onEnd)));
    expect([...files.keys()]).toEqual(["A.ndjson", "B.ndjson", "Empty.ndjson"]);
    expect(files.get("A.ndjson")).toBe('{"n":0}\n{"n":1}\n{"n":2}\n');
    expect(files.get("B.ndjson")!.split("\n")).toHaveLength(20_001);
    expect(files.get("Empty.ndjson")).toBe("");
    expect(onEnd.mock.calls.map(([outcome]) => outcome)).toEqual(["complete"]);
  });

  it("generates a file only when the reader gets to it, and stops generating when the reader cancels", async () => {
    const produced: number[] = [];
    const onEnd = vi.fn();
    function* lines() {
      for (let i = 0; i < 1_000_000; i += 1) {
        produced.push(i);
        yield `{"line":${i},"padding":"${"x".repeat(100)}"}\n`;
      }
    }
    const reader = ndjsonZipStream([{ name: "Big.ndjson", lines }], onEnd).getReader();
    await reader.read();
    await reader.cancel();
    const atCancel = produced.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(produced.length).toBe(atCancel);
    expect(atCancel).toBeLessThan(100_000);
    expect(onEnd.mock.calls.map(([outcome]) => outcome)).toEqual(["aborted"]);
  });

  it("fails the download, instead of hanging or finishing, when a file's source throws", async () => {
    const onEnd = vi.fn();
    function* broken(): Generator<string> {
      yield '{"ok":1}\n';
      throw new Error("database went away");
    }
    await expect(read(ndjsonZipStream([file("A.ndjson", 1), { name: "B.ndjson", lines: broken }], onEnd))).rejects.toThrow("database went away");
    expect(onEnd.mock.calls).toEqual([["failed", expect.any(Error)]]);
  });
});

describe("ndjsonStream", () => {
  it("streams one file's lines as they are", async () => {
    const onEnd = vi.fn();
    expect((await read(ndjsonStream(file("A.ndjson", 2), onEnd))).toString()).toBe('{"n":0}\n{"n":1}\n');
    expect(onEnd.mock.calls.map(([outcome]) => outcome)).toEqual(["complete"]);
  });
});
