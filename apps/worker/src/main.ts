#!/usr/bin/env node
/**
 * pnpm worker: works the jobs (large plans above PLAN_ASYNC_ROWS, rechecks) that any API replica queued in the
 * PostgreSQL server of DATABASE_URL. Start as many as the load needs, on any machine that reaches the server:
 * each takes the next part from the queue (pg-boss); a worker that dies leaves its part to another once it expires
 * (JOB_EXPIRE_SECONDS). Settings: README "Deploy" (DATABASE_URL, FNE_DB_POOL, JOB_*, LOG_LEVEL).
 * SIGTERM/SIGINT: stops taking parts, lets the ones in hand finish (5 s at most), exits 0.
 */
import pino from "pino";
import { jobSettingsFromEnv } from "@fne/api/jobs";
import { startJobWork } from "@fne/api/jobs-work";
import { Jobs, startStore } from "@fne/store";

const log = pino({ level: process.env.LOG_LEVEL ?? "info" });

if (!process.env.DATABASE_URL) {
  // PGlite is one process's: the embedded database's jobs are worked by `pnpm api` itself.
  console.error("pnpm worker needs DATABASE_URL (a PostgreSQL server shared with the API); with the embedded database, pnpm api works the jobs itself");
  process.exit(2);
}
let settings;
try {
  settings = jobSettingsFromEnv(process.env);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

const { store } = await startStore(process.env, { sweep: false }).catch((e: unknown) => {
  console.error(`cannot open the storage: ${e instanceof Error ? e.message : String(e)}`);
  return process.exit(1);
});
const queue = new Jobs(store.database, settings.queue, (e) => log.error({ err: e }, "job queue error"));
const work = await queue
  .start()
  .then(() => startJobWork({ jobs: queue, store, settings, log }))
  .catch(async (e: unknown) => {
    console.error(`cannot start the job queue: ${e instanceof Error ? e.message : String(e)}`);
    await store.close();
    return process.exit(1);
  });
log.info({ database: store.location, concurrency: settings.concurrency, expireSeconds: settings.queue.expireSeconds }, "worker ready");

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    log.info({ signal }, "stopping: finishing the parts in hand");
    work
      .stop()
      .then(() => store.close())
      .then(
        () => {
          log.info("stopped");
          process.exit(0);
        },
        (e: unknown) => {
          log.error({ err: e }, "stop failed");
          process.exit(1);
        },
      );
  });
}
