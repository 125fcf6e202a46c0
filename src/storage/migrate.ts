// Versioned migrations, applied in order, each in its own transaction, and recorded in
// schema_migrations so that each runs once. The list lives in migrations/index.ts.
import type { Db } from "./db.js";
import { type Migration, migrations } from "./migrations/index.js";

export async function migrate(db: Db, list: readonly Migration[] = migrations): Promise<number[]> {
  checkOrder(list);
  await db.exec(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`);
  const applied = new Set(
    (await db.query<{ version: number }>("select version from schema_migrations")).map((r) =>
      Number(r.version),
    ),
  );
  const newlyApplied: number[] = [];
  for (const m of list) {
    if (applied.has(m.version)) continue;
    await db.transaction(async (tx) => {
      // Another process may be migrating the same PostgreSQL database: take a lock, then re-check.
      if (db.kind === "postgres") await tx.query("select pg_advisory_xact_lock(7335001)");
      const done = await tx.query("select 1 from schema_migrations where version = $1", [m.version]);
      if (done.length > 0) return;
      await tx.exec(m.sql);
      await tx.query("insert into schema_migrations (version, name) values ($1, $2)", [m.version, m.name]);
      newlyApplied.push(m.version);
    });
  }
  return newlyApplied;
}

function checkOrder(list: readonly Migration[]) {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(
        `migration "${m.name}" has version ${m.version}; expected ${i + 1} (versions are 1, 2, 3, … in order)`,
      );
    }
  });
}
