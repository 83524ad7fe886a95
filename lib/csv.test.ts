import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvDownload, csvStream, toCsv } from "./csv";

// TextDecoder drops a leading byte order mark unless told not to, and these tests look for it.
const readAll = async (stream: ReadableStream<Uint8Array>) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());

describe("csv cells", () => {
  it("quotes commas, quotes and line breaks, and nothing else", () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvCell("line\r\nbreak")).toBe('"line\r\nbreak"');
    expect(csvCell("lone\rreturn")).toBe('"lone\rreturn"');
    expect(csvCell("lone\nfeed")).toBe('"lone\nfeed"');
    expect(csvCell("plain words")).toBe("plain words");
  });

  it("keeps unicode as it is", () => {
    expect(csvCell("Zoë Nguyễn 林 🙂")).toBe("Zoë Nguyễn 林 🙂");
  });

  it("writes empty, JSON, boolean and date cells", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvCell(["x", "y"])).toBe('"[""x"",""y""]"');
    expect(csvCell(true)).toBe("true");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(new Date("2026-03-01T08:30:00.000Z"))).toBe("2026-03-01T08:30:00.000Z");
  });

  it("neutralises spreadsheet formulas, full-width ones too", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\rcmd")).toBe("\"'\rcmd\"");
    expect(csvCell("＝1+1")).toBe("'＝1+1");
    expect(csvCell('=cmd|" /C calc"!A0')).toBe('"\'=cmd|"" /C calc""!A0"');
  });

  it("leaves numbers alone, negative ones included", () => {
    expect(csvCell(-0.5)).toBe("-0.5");
    expect(csvCell(0.25)).toBe("0.25");
  });
});

describe("toCsv", () => {
  it("writes a header row and CRLF-terminated rows", () => {
    expect(toCsv(["a", "b"], [[1, "x"]])).toBe("a,b\r\n1,x\r\n");
    expect(toCsv(["a", "b"], [])).toBe("a,b\r\n");
  });

  it("reads back exactly what was written (csv-parse)", () => {
    const rows = [
      ["commas, inside", 'quotes "inside"', "new\nline", "crlf\r\nline"],
      ["Zoë 林 🙂", "", "trailing space ", " leading space"],
      ["a;b", "tab\tinside", "'apostrophe", "lone\rreturn"],
    ];
    const parsed = parse(toCsv(["one", "two", "three", "four"], rows), { relax_column_count: false }) as string[][];
    expect(parsed).toEqual([["one", "two", "three", "four"], ...rows]);
  });

  it("reads back a formula cell with its guard apostrophe, so it stays text", () => {
    const parsed = parse(toCsv(["note"], [["=1+1"], ["-2"]])) as string[][];
    expect(parsed.slice(1)).toEqual([["'=1+1"], ["'-2"]]);
  });
});

describe("csvStream", () => {
  it("opens with a byte order mark and the header, and holds every row", async () => {
    const rows = Array.from({ length: 1234 }, (_, i) => [i, `note, ${i}`, i % 2 === 0]);
    const text = await readAll(csvStream(["n", "note", "even"], rows));
    expect(text.startsWith("\uFEFFn,note,even\r\n")).toBe(true);
    const parsed = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(1234);
    expect(parsed[1233]).toEqual({ n: "1233", note: "note, 1233", even: "false" });
  });

  it("writes only the header for no rows", async () => {
    expect(await readAll(csvStream(["a", "b"], []))).toBe("\uFEFFa,b\r\n");
  });

  it("takes rows from the source only as the reader asks for them", async () => {
    let produced = 0;
    function* source() {
      for (let i = 0; i < 100_000; i += 1) {
        produced += 1;
        yield [i];
      }
    }
    const reader = csvStream(["n"], source()).getReader();
    await reader.read();
    // The first chunk, and at most one more read ahead: not the 100,000.
    expect(produced).toBeGreaterThan(0);
    expect(produced).toBeLessThanOrEqual(1_001);
    await reader.cancel();
  });

  it("closes the source when the reader goes away", async () => {
    let closed = false;
    function* source() {
      try {
        for (let i = 0; ; i += 1) yield [i];
      } finally {
        closed = true;
      }
    }
    const reader = csvStream(["n"], source()).getReader();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
  });
});

describe("csvDownload", () => {
  it("answers an uncached attachment whose filename cannot break the header", async () => {
    const response = csvDownload({ filename: 'x"; evil\r\n.csv', header: ["a"], rows: [[1]] });
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="x___evil__.csv"');
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await readAll(response.body!)).toBe("\uFEFFa\r\n1\r\n");
  });
});
