/**
 * @fne/store: dossiers, accounts, saved plans and the audit trail in PostgreSQL (PGlite embedded by default,
 * a server with DATABASE_URL). The API (apps/api) and `pnpm admin` (apps/admin) use it.
 */
export { openStore, Store, StoreError, ADMIN, type Actor, type Principal, type StoreOptions } from "./store.ts";
export { storeConfigFromEnv, StoreEnv, type StoreConfig } from "./config.ts";
export { openDatabase, type Database, type DatabaseConfig } from "./database.ts";
export { migrate, migrations, SCHEMA } from "./migrations.ts";
export { can, permissions, type Permission } from "@fne/schema";
export { csrfToken, sameText } from "./secrets.ts";
export { outcomeOf, sameOutcome, statusOf } from "./outcome.ts";
export type { Tables } from "./tables.ts";
export { startStore } from "./start.ts";
export { Jobs, jobDefaults, type JobOptions, type JobStatus, type NewJob, type PartHandler, type PartMessage, type JobKind, type JobState } from "./jobs.ts";
export type { SqlClient } from "./database.ts";
