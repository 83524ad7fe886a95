/**
 * Preloaded into the benchmarked server by `npm run bench -- --cpu-prof` (NODE_OPTIONS=--import):
 * Node 20 refuses --cpu-prof in NODE_OPTIONS, so the profiler is driven through the inspector instead.
 * The profile is written when the benchmark stops the server (SIGTERM), into DERMAPLAN_CPU_PROFILE_DIR.
 */
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const dir = process.env.DERMAPLAN_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  // Before the server's own handler, which closes and exits.
  process.prependListener("SIGTERM", () => {
    session.post("Profiler.stop", (error, result) => {
      if (!error) fs.writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
