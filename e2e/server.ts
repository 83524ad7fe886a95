import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { seedDemo } from "@/lib/seed";
import { provisionStaffAccount } from "@/lib/data/provisioning";
import { databasePath, port, processEnv } from "@/lib/env";
import { hasProductionBuild, openMigratedDatabase, startNext } from "@/scripts/runtime";
import { E2E_ACCOUNTS } from "./accounts";

// A throwaway database for each run: the suite never touches the demo or a real clinic's data.
const file = databasePath();
fs.mkdirSync(path.dirname(file), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });

if (!hasProductionBuild()) {
  console.error("No production build: run `next build` before the end-to-end suite.");
  process.exit(1);
}

const { db } = openMigratedDatabase();
await seedDemo(db);
for (const account of E2E_ACCOUNTS) await provisionStaffAccount(db, account);
db.$client.close();

startNext(["--port", String(port()), "--hostname", "localhost"], {
  ...processEnv(),
  NODE_ENV: "production",
  NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
  NEXTAUTH_URL: `http://localhost:${port()}`,
});
