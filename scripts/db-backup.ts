import path from "node:path";
import { backupDatabase } from "@/db/backup";
import { DatabaseFileError, formatRowCounts } from "@/db/database-file";
import { databasePath } from "@/lib/env";

// Usage: npm run db:backup -- <file>. Safe while the app serves; exit 1 on a refusal, 2 on bad usage.
const [file, ...extra] = process.argv.slice(2);
if (!file || extra.length) {
  console.error("Usage: npm run db:backup -- <file>   (a new file: a backup never overwrites one)");
  process.exit(2);
}

try {
  const source = databasePath();
  const summary = await backupDatabase(source, path.resolve(file));
  console.log(`Backed up ${source}\n      to ${summary.file} (${(summary.bytes / 1_048_576).toFixed(1)} MB, integrity_check ok)\n`);
  console.log(formatRowCounts(summary.rows));
} catch (error) {
  if (!(error instanceof DatabaseFileError)) throw error;
  console.error(`Backup refused: ${error.message}`);
  process.exit(1);
}
