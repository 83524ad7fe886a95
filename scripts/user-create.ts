import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import { provisionStaffAccount } from "@/lib/data/provisioning";
import { AppError } from "@/lib/errors";
import { userCreateSchema } from "@/lib/validation/auth";
import { openMigratedDatabase } from "./runtime";

const USAGE = `Usage: npm run user:create -- --email <email> --role <admin|clinician> --clinic "<clinic name>" [--name "<full name>"]
The password is read from standard input when it is piped, or prompted for (hidden, twice).`;

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.split(/\r?\n/)[0] ?? "";
  }
  const first = await promptHidden("Password: ");
  const second = await promptHidden("Repeat password: ");
  if (first !== second) fail("The two passwords differ; nothing was created.");
  return first;
}

async function promptHidden(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // readline echoes typed characters through this method; keep the prompt, hide the rest.
  const mutable = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  mutable._writeToOutput = (s: string) => {
    if (s.startsWith(question)) mutable.output.write(question);
  };
  const answer = await rl.question(question);
  rl.close();
  process.stdout.write("\n");
  return answer;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, clinic: { type: "string" }, name: { type: "string" } },
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (!args.email || !args.role || !args.clinic) fail(USAGE);

const parsed = userCreateSchema.safeParse({
  email: args.email,
  role: args.role,
  clinic: args.clinic,
  name: args.name ?? args.email.split("@")[0],
  password: await readPassword(),
});
if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));

const { db, file } = openMigratedDatabase();
try {
  const created = await provisionStaffAccount(db, parsed.data);
  console.log(
    `Created ${parsed.data.role} ${parsed.data.email} in clinic "${parsed.data.clinic}"` +
      `${created.clinicCreated ? " (new clinic)" : ""} in ${file}.`,
  );
} catch (error) {
  fail(error instanceof AppError ? error.message : `Could not create the account: ${(error as Error).message}`);
} finally {
  db.$client.close();
}
