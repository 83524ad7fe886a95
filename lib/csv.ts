import { stringify, type Options } from "csv-stringify/sync";

/**
 * The app's one CSV writer, on csv-stringify: RFC 4180 (CRLF rows, quotes only where a cell needs
 * them). These files are opened in spreadsheets, so a cell a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR, or their full-width forms) gets a leading apostrophe (OWASP "CSV injection");
 * a negative number is left alone, since a number cannot carry a formula.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
function options(): Options {
  // A fresh object each time: csv-stringify fills its defaults into the options it is given.
  return {
    record_delimiter: "windows",
    // Without this, naming a record delimiter quotes only cells holding CRLF: a lone LF or CR would go
    // out bare and read back as a row break.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: {
      boolean: (value) => (value ? "true" : "false"),
      date: (value) => value.toISOString(),
      object: (value) => JSON.stringify(value),
    },
  };
}

export function csvCell(value: unknown): string {
  return stringify([[value]], { ...options(), eof: false });
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([header, ...rows] as unknown[][], options());
}

/** Rows written per chunk of a stream: a few hundred rows is a few tens of kilobytes. */
const CHUNK_ROWS = 500;

/**
 * A byte order mark opens every download: without it Excel reads the file in the machine's legacy
 * code page and shows "Ã©" for "é".
 */
const BOM = "\uFEFF";

/**
 * The CSV of `rows`, written as the reader asks for it: each pull takes the next chunk of rows from the
 * iterable, so memory holds one chunk however many rows there are (the iterable should fetch lazily).
 * A reader that goes away closes the iterable.
 */
export function csvStream(header: readonly string[], rows: Iterable<readonly unknown[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.iterator]();
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk: unknown[][] = first ? [[...header]] : [];
        let done = false;
        while (chunk.length < CHUNK_ROWS) {
          const next = iterator.next();
          if (next.done) {
            done = true;
            break;
          }
          chunk.push([...next.value]);
        }
        if (chunk.length > 0) controller.enqueue(encoder.encode((first ? BOM : "") + stringify(chunk, options())));
        first = false;
        if (done) controller.close();
      },
      cancel() {
        iterator.return?.();
      },
    },
    // One chunk ahead of the reader at most.
    { highWaterMark: 1 },
  );
}

export type CsvFile = { filename: string; header: readonly string[]; rows: Iterable<readonly unknown[]> };

/**
 * A CSV download. The filename is reduced to letters, digits, dot, dash and underscore, so nothing a
 * caller puts in it can break out of the header; callers keep names (PHI) out of it in the first place.
 */
export function csvDownload({ filename, header, rows }: CsvFile): Response {
  const safeName = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(csvStream(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safeName}"`,
      "Cache-Control": "no-store",
    },
  });
}
