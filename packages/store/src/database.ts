/**
 * The database: PGlite (PostgreSQL compiled to WebAssembly, in FNE_DATA_DIR) by default, a PostgreSQL server when
 * DATABASE_URL is set. Both speak to Kysely, one typed query builder with its two dialects (PGliteDialect and
 * PostgresDialect are in Kysely itself): every query is built from typed parts and sent with bound parameters.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import { migrate, SCHEMA } from "./migrations.ts";
import type { Tables } from "./tables.ts";

export interface DatabaseConfig {
  /** postgres://… : a PostgreSQL server. Absent: PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite's data directory (created when missing); "memory://" for a database that lives in the process. */
  dataDir: string;
  /** Connections to the server (the pool of this process). */
  poolSize?: number | undefined;
}

/** Plain SQL text with bound values, as pg-boss sends it (its `db` option): the same connections as Kysely's. */
export interface SqlClient {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface Database {
  db: Kysely<Tables>;
  /** The job queue's way in (queue.ts): the server's pool, or PGlite itself. */
  sql: SqlClient;
  kind: "pglite" | "postgres";
  /** Where the data is, without a password: the data directory, or the server's host, port and database. */
  location: string;
  close(): Promise<void>;
}

/**
 * One process at a time opens a PGlite data directory (PGlite has no lock of its own, and two writers would
 * corrupt it): `fne.lock` holds the owner's pid; a lock whose process is gone is taken over.
 */
function lockDataDir(dir: string): () => void {
  const file = join(dir, "fne.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(file, "utf8"));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `the embedded database in ${dir} is open in process ${pid} (pnpm api?): stop it first, or share a PostgreSQL server between processes (DATABASE_URL)`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite finds its WebAssembly and file bundle beside its own module; `pnpm api` bundles the server into one file
 * (scripts/bundle.mjs), which loses that place. So they are located by module resolution and handed over.
 */
/** The runtime's WebAssembly (Node has it; the ES2022 lib of this project does not type it as a value). */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly;

let assets: ReturnType<typeof loadPgliteAssets> | undefined;
/** Compiled once per process: every later open (tests, a restart) reuses the modules. */
const pgliteAssets = () => (assets ??= loadPgliteAssets());

async function loadPgliteAssets() {
  const dist = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  const [pgliteWasm, initdbWasm, data] = await Promise.all(
    ["pglite.wasm", "initdb.wasm", "pglite.data"].map((f) => readFile(join(dist, f))),
  );
  return {
    pgliteWasmModule: await wasm.compile(pgliteWasm!),
    initdbWasmModule: await wasm.compile(initdbWasm!),
    fsBundle: new Blob([data!]),
  };
}

async function openPglite(dataDir: string) {
  const memory = dataDir.startsWith("memory://");
  const dir = memory ? dataDir : resolve(dataDir);
  let unlock = () => {};
  if (!memory) {
    mkdirSync(dir, { recursive: true });
    unlock = lockDataDir(dir);
  }
  try {
    const pglite = await PGlite.create({ dataDir: dir, ...(await pgliteAssets()) });
    return { pglite, dir, unlock };
  } catch (e) {
    unlock();
    throw e;
  }
}

function serverLocation(url: string): string {
  try {
    const u = new URL(url);
    return `postgresql://${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "postgresql (DATABASE_URL)";
  }
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
    const root = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    try {
      await migrate(root as Kysely<unknown>);
    } catch (e) {
      await root.destroy();
      throw e;
    }
    const sqlClient: SqlClient = { executeSql: (text, values) => pool.query(text, values) };
    return { db: root.withSchema(SCHEMA), sql: sqlClient, kind: "postgres", location: serverLocation(config.databaseUrl), close: () => root.destroy() };
  }
  const { pglite, dir, unlock } = await openPglite(config.dataDir);
  const root = new Kysely<Tables>({ dialect: new PGliteDialect({ pglite }) });
  const close = async () => {
    await root.destroy();
    unlock();
  };
  try {
    await migrate(root as Kysely<unknown>);
  } catch (e) {
    await close();
    throw e;
  }
  // PGlite runs one statement list per exec() (no bound values), or one statement with values per query(); both
  // wait for a transaction Kysely holds (PGlite's own lock), so the queue's SQL never lands inside one.
  const sqlClient: SqlClient = {
    executeSql: async (text, values) => (values?.length ? pglite.query<Record<string, unknown>>(text, values) : ((await pglite.exec(text)).at(-1) ?? { rows: [] })),
  };
  return { db: root.withSchema(SCHEMA), sql: sqlClient, kind: "pglite", location: dir, close };
}
