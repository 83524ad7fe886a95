import { authSecret, bindHost, port, processEnv } from "@/lib/env";
import { hasProductionBuild, openMigratedDatabase, startNext } from "./runtime";

if (!authSecret()) {
  console.error("Refusing to start: NEXTAUTH_SECRET is not set (generate one with `openssl rand -base64 32`).");
  process.exit(1);
}
if (!hasProductionBuild()) {
  console.error("Refusing to start: there is no production build (run `npm run build` first).");
  process.exit(1);
}
const { db, file } = openMigratedDatabase();
db.$client.close();
console.log(`Database ready: ${file}`);
const args = ["--port", String(port())];
const host = bindHost();
if (host) args.push("--hostname", host);
startNext(args, { ...processEnv(), NODE_ENV: "production" });
