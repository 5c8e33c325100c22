/**
 * Every storage test runs twice: on PGlite (a temporary data directory) and on a PostgreSQL server
 * (TEST_DATABASE_URL, which scripts/with-postgres.sh sets: `pnpm test` and .ci/run start that server). Without it
 * the server half is skipped, loudly; under CI it fails.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, inject, it } from "vitest";
import * as rules from "@fne/rules";
import { loadRules, type Runtime } from "@fne/engine";
import { openStore, type StoreOptions } from "../src/index.ts";
import "./global-setup.ts"; // its `inject("pgliteTemplate")` type

/** A fresh, empty database of one kind; `drop()` removes it. */
export interface TestDatabase {
  config: { databaseUrl?: string; dataDir: string };
  drop(): Promise<void>;
}

export interface Backend {
  name: "PGlite" | "PostgreSQL";
  create(): Promise<TestDatabase>;
}

const pglite: Backend = {
  name: "PGlite",
  async create() {
    const dataDir = mkdtempSync(join(tmpdir(), "fne-pglite-"));
    const template = inject("pgliteTemplate");
    if (template) cpSync(template, dataDir, { recursive: true });
    return { config: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  },
};

function server(url: string): Backend {
  return {
    name: "PostgreSQL",
    async create() {
      // A database of its own per test file: files run in parallel on one server.
      const name = `fne_test_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`); // name: hex digits of our own, never input
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
    },
  };
}

/** describe() once per database kind. */
export function describeBoth(title: string, body: (backend: Backend) => void) {
  describe(`${title} [PGlite]`, () => body(pglite));
  const url = process.env.TEST_DATABASE_URL;
  if (url) describe(`${title} [PostgreSQL]`, () => body(server(url)));
  else if (process.env.CI) {
    describe(`${title} [PostgreSQL]`, () => {
      it("has a PostgreSQL server to run on", () => {
        throw new Error("TEST_DATABASE_URL is not set: run the tests through scripts/with-postgres.sh (as pnpm test and .ci/run do)");
      });
    });
  } else describe.skip(`${title} [PostgreSQL: TEST_DATABASE_URL unset; pnpm test starts a server]`, () => body(server("postgres://unset")));
}

/** A store on a fresh database; `restart()` closes it and opens the same data again. */
export async function freshStore(backend: Backend, options: StoreOptions = {}) {
  const database = await backend.create();
  let store = await openStore(database.config, options);
  return {
    get store() {
      return store;
    },
    database,
    async reopen(next: StoreOptions = options) {
      await store.close();
      store = await openStore(database.config, next);
      return store;
    },
    async close() {
      await store.close();
      await database.drop();
    },
  };
}

/**
 * The rules as they were before a (pretend) change: R322-6 guaranteeing 95 % of the prior pay in the first six
 * months instead of 90 %, under another rulesVersion. A recheck under today's rules must then report the change.
 */
export function olderRules(): Runtime {
  const file = structuredClone(rules.ruleVersionFiles["atd/R322-6.json"]) as { constants: { rateFirst6: { value: string } } };
  file.constants.rateFirst6.value = "0.95";
  return loadRules({ ...rules, rulesVersion: "1.0.0+older", ruleVersionFiles: { ...rules.ruleVersionFiles, "atd/R322-6.json": file } });
}
