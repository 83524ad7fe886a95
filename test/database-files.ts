import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { openDatabase } from "@/db/connection";
import { MIGRATIONS_FOLDER, runMigrations } from "@/db/migrate";

/** Database files on disk for the backup and restore tests: each test gets its own folder. */
export function tempFolder(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dermaplan-backup-"));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated Dermaplan database holding `clinics` clinics named "Clinic 0001"…; closed. */
export function makeClinicDatabase(file: string, clinics: number, options: { migrations?: number } = {}): void {
  const db = openDatabase(file);
  if (options.migrations === undefined) runMigrations(db);
  else migrate(db, { migrationsFolder: olderMigrations(path.dirname(file), options.migrations) });
  addClinics(db.$client, 0, clinics);
  db.$client.close();
}

export function addClinics(sqlite: Database.Database, from: number, count: number): void {
  const insert = sqlite.prepare("insert into clinics (id, name, created_at) values (?, ?, ?)");
  sqlite.transaction(() => {
    for (let i = from; i < from + count; i += 1) insert.run(`clinic-${i}`, clinicName(i), new Date().toISOString());
  })();
}

export const clinicName = (i: number) => `Clinic ${String(i).padStart(5, "0")}`;

export function clinicNames(file: string): string[] {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare("select name from clinics order by name").pluck().all() as string[];
  } finally {
    sqlite.close();
  }
}

/** The committed migrations cut to the first `count`: a database as an older version left it. */
function olderMigrations(dir: string, count: number): string {
  const folder = path.join(dir, `migrations-${count}`);
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, "meta/_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: unknown[] };
  fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return folder;
}

export function knownMigrationCount(): number {
  return (JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
}

export const fileMode = (file: string) => fs.statSync(file).mode & 0o777;
