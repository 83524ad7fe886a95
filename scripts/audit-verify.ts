import fs from "node:fs";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "@/db/schema";
import type { Db } from "@/db/connection";
import { clinicNames, verifyAuditChain } from "@/lib/data/audit-chain";
import type { ChainBreakKind } from "@/lib/domain/audit-chain";
import { databasePath } from "@/lib/env";

// Exit codes: 0 intact, 1 broken (tampering or a write around the chain), 2 could not check.
const KIND: Record<ChainBreakKind, string> = { altered: "altered", deleted: "deleted (gap)", reordered: "reordered", unchained: "unchained" };
const count = (n: number) => n.toLocaleString("en-US");

const file = databasePath();
if (file !== ":memory:" && !fs.existsSync(file)) {
  console.error(`No database at ${file}.`);
  process.exit(2);
}
// Read-only: verification must not be what changes the file (no migration, no backfill).
const db = drizzle(new Database(file, { readonly: true, fileMustExist: true }), { schema }) as Db;
try {
  const report = verifyAuditChain(db);
  const names = clinicNames(db);
  const clinic = (id: string | null | undefined) => (id ? `${names.get(id) ?? "unknown clinic"} (${id})` : "no clinic");
  if (report.intact) {
    console.log(`Audit trail intact: ${count(report.rows)} rows in ${count(report.chains.length)} chains.`);
    console.log("Chain heads (keep a copy elsewhere: a chain cannot show rows dropped from its end, a recorded head can):");
    for (const c of report.chains) console.log(`  ${clinic(c.clinicId)}: ${count(c.rows)} rows, head #${c.id} sha256:${c.hash}`);
  } else {
    const b = report.broken;
    const where = b.occurredAt ? ` (${clinic(b.clinicId)}, occurred ${b.occurredAt})` : "";
    console.log(`Audit trail BROKEN at row #${b.id}${where}: ${KIND[b.kind]}: ${b.reason}.`);
    console.log(`${count(report.rows)} rows before it verified.`);
    process.exitCode = 1;
  }
} catch (error) {
  const message = (error as Error).message;
  console.error(/no such column: (prev_hash|hash)/.test(message) ? `${file} predates the hash chain: run npm run db:migrate first.` : `Could not verify ${file}: ${message}`);
  process.exitCode = 2;
} finally {
  db.$client.close();
}
