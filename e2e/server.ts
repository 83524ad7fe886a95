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

startNext(port(), "localhost", {
  ...processEnv(),
  NODE_ENV: "production",
  // The suite's requests come from loopback, so specs may name a client address in X-Forwarded-For
  // (e2e/sign-in-throttle.spec.ts); lib/http/client-ip.test.ts proves the header is ignored without it.
  TRUSTED_PROXIES: "127.0.0.1,::1",
  NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
  NEXTAUTH_URL: `http://localhost:${port()}`,
});
