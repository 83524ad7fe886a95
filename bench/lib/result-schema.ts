import { z } from "zod";

/**
 * The shape of `bench/results/<date>-<size>.json`. Parsing with it also fixes the key order (zod
 * rebuilds objects in schema order), so two runs' files diff line by line.
 */
const count = z.number().int().nonnegative();
const figure = z.number().nonnegative();

export const endpointResultSchema = z.object({
  name: z.string(),
  kind: z.enum(["floor", "json", "html", "write"]),
  as: z.enum(["staff", "patient", "anonymous"]),
  method: z.enum(["GET", "POST"]),
  path: z.string().startsWith("/"),
  reqPerSec: figure,
  /** Null when no request was answered within 10 s. */
  p50Ms: figure.nullable(),
  p95Ms: figure.nullable(),
  p99Ms: figure.nullable(),
  /** Server CPU (user + system) per answered request: comparable between runs on a busy machine. */
  cpuMsPerReq: figure,
  bytes: count,
  ratioToFloor: figure,
  requests: count,
  errors: count,
  timeouts: count,
  statusCodes: z.record(z.string().regex(/^\d{3}$/), count),
});

export const goalResultSchema = z.object({
  goal: z.string(),
  pass: z.boolean(),
  checked: count,
  misses: z.array(z.object({ subject: z.string(), value: z.string() })),
});

export const benchResultSchema = z.object({
  date: z.iso.date(),
  size: z.enum(["small", "large"]),
  seed: count,
  smoke: z.boolean(),
  settings: z.object({ connections: count, durationS: count, warmupS: count }),
  /** loadAverage: the 1-minute load when the server started; well above 0 means other work shared the cores. */
  machine: z.object({ cores: count, cpu: z.string(), node: z.string(), loadAverage: figure }),
  data: z.object({
    patients: count,
    sessions: count,
    reactions: count,
    alerts: count,
    openAlerts: count,
    planVersions: count,
    heavyPatientSessions: count,
  }),
  endpoints: z.array(endpointResultSchema).min(1),
  rss: z.object({ startMb: figure, maxMb: figure, endMb: figure, samples: count }),
  firstLoadJs: z.array(z.object({ page: z.string(), as: z.enum(["staff", "patient", "anonymous"]), group: z.enum(["portal", "clinic"]), scripts: count, gzipBytes: count })),
  goals: z.array(goalResultSchema).min(1),
  elapsedS: figure,
});

export type BenchResult = z.infer<typeof benchResultSchema>;
export type EndpointResult = z.infer<typeof endpointResultSchema>;
export type GoalResult = z.infer<typeof goalResultSchema>;
