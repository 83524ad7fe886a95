import { openMigratedDatabase } from "./runtime";

const { db, file } = openMigratedDatabase();
db.$client.close();
console.log(`Database migrated: ${file}`);
