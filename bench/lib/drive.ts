import autocannon from "autocannon";
import type { Endpoint } from "./endpoints";

export type DriveSettings = {
  origin: string;
  connections: number;
  durationS: number;
  warmupS: number;
  /** The server's CPU seconds so far, read around the measured run. */
  serverCpu: () => number;
};

export type Measurement = {
  reqPerSec: number;
  /** Null when no request was answered within autocannon's 10 s timeout. */
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** Server CPU time per answered request: steady when other work shares the machine. */
  cpuMsPerReq: number;
  /** Body bytes of one answer, uncompressed. */
  bytes: number;
  requests: number;
  /** Non-2xx answers plus connection errors and timeouts. */
  errors: number;
  /** Requests still unanswered after autocannon's 10 s (part of `errors`): slow, not broken. */
  timeouts: number;
  statusCodes: Record<string, number>;
};

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!, 2);
}

/** One request outside the load, to learn the answer's status and size (and to fail fast when it is broken). */
export async function probe(origin: string, endpoint: Endpoint, cookie: string): Promise<{ status: number; bytes: number; body: string }> {
  const { path, body } = endpoint.request(0);
  const response = await fetch(`${origin}${path}`, {
    method: endpoint.method,
    redirect: "manual",
    headers: { cookie, origin, "accept-encoding": "identity", ...(body ? { "content-type": "application/json" } : {}) },
    body,
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes: bytes.length, body: bytes.toString("utf8") };
}

/**
 * Drives one endpoint with autocannon at a fixed concurrency after a warm-up. Latency percentiles are
 * taken from every measured response (autocannon's own histogram has no p95).
 */
export async function drive(endpoint: Endpoint, cookie: string, settings: DriveSettings, bytes: number): Promise<Measurement> {
  let n = 1;
  const load = (durationS: number, onLatency?: (ms: number) => void) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: settings.origin,
          connections: settings.connections,
          duration: durationS,
          headers: { cookie, origin: settings.origin, ...(endpoint.method === "POST" ? { "content-type": "application/json" } : {}) },
          requests: [
            {
              method: endpoint.method,
              setupRequest: (request) => {
                const next = endpoint.request(n++);
                return { ...request, method: endpoint.method, path: next.path, ...(next.body ? { body: next.body } : {}) };
              },
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      if (onLatency) instance.on("response", (_client, _status, _bytes, responseTime) => onLatency(responseTime));
    });
  // Warm-up runs are thrown away: they fill the server's caches and JIT the handlers.
  if (settings.warmupS > 0) await load(settings.warmupS);
  const latencies: number[] = [];
  const cpuBefore = settings.serverCpu();
  const result = await load(settings.durationS, (ms) => latencies.push(ms));
  const cpuMs = (settings.serverCpu() - cpuBefore) * 1000;
  latencies.sort((a, b) => a - b);
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, stat]) => [code, stat.count ?? 0]),
  );
  return {
    reqPerSec: round(result.requests.average, 1),
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
    cpuMsPerReq: result.requests.total ? round(cpuMs / result.requests.total, 2) : 0,
    bytes,
    requests: result.requests.total,
    errors: result.non2xx + result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}
