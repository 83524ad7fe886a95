import { Readable } from "node:stream";
import { ZipFile } from "yazl";

export type NdjsonFile = { name: string; lines: () => Iterable<string> };

export type StreamOutcome = "complete" | "aborted" | "failed";

/** Lines are gathered into chunks of about this size: one Buffer per resource would cost more than the JSON. */
const CHUNK_BYTES = 64 * 1024;

function* chunked(lines: Iterable<string>): Generator<Buffer> {
  let pending: string[] = [];
  let size = 0;
  for (const line of lines) {
    pending.push(line);
    size += line.length;
    if (size >= CHUNK_BYTES) {
      yield Buffer.from(pending.join(""));
      pending = [];
      size = 0;
    }
  }
  if (pending.length) yield Buffer.from(pending.join(""));
}

/**
 * A zip holding one NDJSON file per entry, produced as it is read. A zip's entries follow one another, so
 * each file is generated in turn by its own pass over the data instead of all at once: nothing is held but
 * the chunk in flight and the pages the generators read, and no PHI is ever written to a temporary file.
 * `onEnd` is told once how it ended: read to the end, cancelled by the reader, or failed.
 */
export function ndjsonZipStream(files: NdjsonFile[], onEnd: (outcome: StreamOutcome, error?: unknown) => void): ReadableStream<Uint8Array> {
  const zip = new ZipFile();
  // yazl types its output as the old NodeJS.ReadableStream; it is a stream.Readable (a PassThrough).
  const output = zip.outputStream as Readable;
  const sources = files.map((file) => {
    const source = Readable.from(chunked(file.lines()), { objectMode: false });
    // yazl does not pass a source's error on; failing the output ends the download instead of stalling it.
    source.on("error", (error) => output.destroy(error));
    zip.addReadStream(source, file.name);
    return source;
  });
  zip.end();
  return readableOf(output, onEnd, () => sources.forEach((source) => source.destroy()));
}

/** A single NDJSON file, for Bulk Data clients that ask for one resource type. */
export function ndjsonStream(file: NdjsonFile, onEnd: (outcome: StreamOutcome, error?: unknown) => void): ReadableStream<Uint8Array> {
  const source = Readable.from(chunked(file.lines()), { objectMode: false });
  return readableOf(source, onEnd, () => source.destroy());
}

/**
 * A web stream over a Node stream that reports how it ended. Pull-based, so the database is read only as
 * fast as the client takes the bytes.
 */
function readableOf(node: Readable, onEnd: (outcome: StreamOutcome, error?: unknown) => void, stop: () => void): ReadableStream<Uint8Array> {
  const iterator = node[Symbol.asyncIterator]();
  let ended = false;
  const end = (outcome: StreamOutcome, error?: unknown) => {
    if (ended) return;
    ended = true;
    onEnd(outcome, error);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) {
          end("complete");
          controller.close();
        } else controller.enqueue(new Uint8Array(value as Buffer));
      } catch (error) {
        stop();
        end("failed", error);
        controller.error(error);
      }
    },
    cancel() {
      stop();
      node.destroy();
      end("aborted");
    },
  });
}
