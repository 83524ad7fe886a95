import { seedDemo } from "@/lib/seed";
import { openMigratedDatabase } from "./runtime";

const { db, file } = openMigratedDatabase();
const added = await seedDemo(db);
db.$client.close();
console.log(`Demo clinic seeded into ${file}: ${added.users} accounts and ${added.patients} patients added.`);
