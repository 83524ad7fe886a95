import type { Db } from "@/db/connection";

export type PlannedStatement = { sql: string; plan: string[] };

/**
 * Every statement `work` prepares on `db`'s connection, with the plan SQLite chose for each. Statements
 * are prepared once per connection, so a caller that needs all of them uses a fresh connection. The plan
 * does not depend on the bound values (no sqlite_stat4), so `bind` stands in for every one of them.
 */
export async function preparedDuring(db: Db, work: () => unknown, bind: unknown = null): Promise<PlannedStatement[]> {
  const client = db.$client;
  const original = client.prepare.bind(client);
  const sources: string[] = [];
  client.prepare = ((source: string) => {
    sources.push(source);
    return original(source);
  }) as typeof client.prepare;
  try {
    await work();
  } finally {
    client.prepare = original as typeof client.prepare;
  }
  return sources
    .filter((sql) => /^\s*(select|with|update|delete)/i.test(sql))
    .map((sql) => ({ sql, plan: (original(`explain query plan ${sql}`).all(...(sql.match(/\?/g) ?? []).map(() => bind)) as { detail: string }[]).map((r) => r.detail) }));
}
