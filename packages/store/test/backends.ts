/**
 * Every storage test runs twice: on PGlite (a temporary data directory) and on a PostgreSQL server
 * (TEST_DATABASE_URL, which scripts/with-postgres.sh sets: `pnpm test` and .ci/run start that server). Without it
 * the server half is skipped, loudly; under CI it fails.
 */
import { describe, inject, it } from "vitest";
import { openStore, type StoreOptions } from "../src/index.ts";
import { pgliteDatabase, serverDatabase, type TestDatabase } from "./databases.ts";
import "./global-setup.ts"; // its `inject("pgliteTemplate")` type

export type { TestDatabase };

export interface Backend {
  name: "PGlite" | "PostgreSQL";
  create(): Promise<TestDatabase>;
}

const pglite: Backend = { name: "PGlite", create: async () => pgliteDatabase(inject("pgliteTemplate")) };
const server = (url: string): Backend => ({ name: "PostgreSQL", create: () => serverDatabase(url) });

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

export { olderRules } from "./older-rules.ts";
