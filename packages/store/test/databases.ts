/** Fresh, empty databases of either kind, for the tests and the store benchmark; `drop()` removes one. */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface TestDatabase {
  config: { databaseUrl?: string; dataDir: string };
  drop(): Promise<void>;
}

/** A PGlite data directory in /tmp, copied from `template` (an already migrated one) when given. */
export function pgliteDatabase(template?: string): TestDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), "fne-pglite-"));
  if (template) cpSync(template, dataDir, { recursive: true });
  return { config: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** A database of its own on the server at `url` (a superuser URL): test files run in parallel on one server. */
export async function serverDatabase(url: string): Promise<TestDatabase> {
  const name = `fne_test_${randomBytes(6).toString("hex")}`; // hex digits of our own, never input
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    config: { databaseUrl: u.toString(), dataDir: "unused" },
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
