import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Unit tests run in plain Node; the marker module only matters to the Next.js bundler.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
    // Data tests share the process-wide connection; one file at a time keeps them apart.
    fileParallelism: false,
    environment: "node",
    // @medplum/core (the FHIR validator's package, lib/data/fhir-export-validation.test.ts) touches WebSocket when
    // imported; Node 20 has it only behind this flag, later versions always.
    execArgv: typeof WebSocket === "undefined" ? ["--experimental-websocket"] : [],
  },
});
