import { authSecret, bindHost, port, processEnv, trustedProxies } from "@/lib/env";
import { hasProductionBuild, openMigratedDatabase, startNext } from "./runtime";

if (!authSecret()) {
  console.error("Refusing to start: NEXTAUTH_SECRET is not set (generate one with `openssl rand -base64 32`).");
  process.exit(1);
}
// A malformed TRUSTED_PROXIES stops the start here, not on the first request.
try {
  trustedProxies();
} catch (error) {
  console.error(`Refusing to start: ${(error as Error).message}.`);
  process.exit(1);
}
if (!hasProductionBuild()) {
  console.error("Refusing to start: there is no production build (run `npm run build` first).");
  process.exit(1);
}
const { db, file } = openMigratedDatabase();
db.$client.close();
console.log(`Database ready: ${file}`);
startNext(port(), bindHost(), { ...processEnv(), NODE_ENV: "production" });
