import path from "node:path";
import { isDatabaseEmpty, seedDemo } from "@/lib/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/seed/demo-data";
import { authSecret, authUrl, bindHost, port, processEnv } from "@/lib/env";
import { buildNext, loadOrCreateSecret, needsBuild, openMigratedDatabase, startNext } from "./runtime";

const serverPort = port();
const { db, file } = openMigratedDatabase();
if (isDatabaseEmpty(db)) {
  const added = await seedDemo(db);
  console.log(`Seeded the demo clinic (${added.users} accounts, ${added.patients} patients) into ${file}`);
} else {
  console.log(`Using the existing database ${file}`);
}
db.$client.close();

const env: NodeJS.ProcessEnv = {
  ...processEnv(),
  NODE_ENV: "production",
  NEXTAUTH_SECRET: authSecret() ?? loadOrCreateSecret(path.resolve("data/.nextauth-secret")),
  NEXTAUTH_URL: authUrl() ?? `http://localhost:${serverPort}`,
  DATABASE_URL: file,
};

if (needsBuild()) {
  console.log("Building for production (first run or changed sources)…");
  buildNext(env);
}

console.log(`
Dermaplan demo: http://localhost:${serverPort}
Demo sign-ins (password for all: ${DEMO_PASSWORD})
${DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(24)} ${a.role.padEnd(10)} ${a.clinic}`).join("\n")}
`);
startNext(serverPort, bindHost(), env);
