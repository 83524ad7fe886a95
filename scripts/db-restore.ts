import path from "node:path";
import { DatabaseFileError, formatRowCounts } from "@/db/database-file";
import { restoreDatabase } from "@/db/restore";
import { databasePath } from "@/lib/env";

// Usage: npm run db:restore -- <file>, with the server stopped. Exit 1 on a refusal, 2 on bad usage.
const [file, ...extra] = process.argv.slice(2);
if (!file || extra.length) {
  console.error("Usage: npm run db:restore -- <backup file>   (stop the server first)");
  process.exit(2);
}

try {
  const summary = restoreDatabase(path.resolve(file), databasePath());
  console.log(`Restored ${path.resolve(file)}\n    into ${summary.target}`);
  if (summary.keptAside) console.log(`The database it replaced is kept at ${summary.keptAside}`);
  if (summary.migrationsAdded) console.log(`Brought up to date: ${summary.migrationsAdded} migration(s) applied`);
  console.log(`\n${formatRowCounts(summary.rows)}`);
} catch (error) {
  if (!(error instanceof DatabaseFileError)) throw error;
  console.error(`Restore refused: ${error.message}`);
  process.exit(1);
}
