#!/usr/bin/env node
/**
 * pnpm api: listens on HOST:PORT (default 127.0.0.1:8787). CORS_ORIGINS: comma-separated origins allowed
 * from browsers ("*" for any; none by default). LOG_LEVEL: pino level (info). TRUST_PROXY: behind a reverse
 * proxy, its address (or "true"), so that each client is rate limited on its own. The limits (limits.ts):
 * LIMIT_*, RATE_LIMIT_*, SHUTDOWN_SECONDS. VITE_EMBED_ORIGINS: the sites that may frame the iframe mode.
 * SIGTERM/SIGINT: stop accepting, finish the requests in flight within SHUTDOWN_SECONDS (10), cut and log the
 * rest, exit. Jobs (README "Deploy"): PLAN_ASYNC_ROWS, JOB_*; with the embedded database this process works them
 * (FNE_WORK_JOBS), with a server `pnpm worker` processes do.
 */
import { embedOrigins } from "@fne/schema";
import { Jobs, startStore } from "@fne/store";
import { jobSettingsFromEnv } from "./jobs.ts";
import { startJobWork, type JobWork } from "./jobs-work.ts";
import { limitsFromEnv, limits as defaults } from "./limits.ts";
import { buildServer } from "./server.ts";
import { closeWithin } from "./shutdown.ts";
import { webDir } from "./static.ts";

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? "127.0.0.1";
const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const trustProxy = process.env.TRUST_PROXY === "true" ? true : list(process.env.TRUST_PROXY);

let limits, jobSettings;
try {
  limits = { ...defaults, ...limitsFromEnv(process.env) };
  jobSettings = jobSettingsFromEnv(process.env);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

// Storage (README "Dossiers and accounts"): PGlite in FNE_DATA_DIR, or DATABASE_URL; migrations and the retention sweep run now.
const { store, erased } = await startStore(process.env).catch((e: unknown) => {
  console.error(`cannot open the storage: ${e instanceof Error ? e.message : String(e)}`);
  return process.exit(1);
});
// The job queue (pg-boss, its schema made or updated now) in the same database.
// Its background errors go to the server's log once there is one (pg-boss retries at its next interval).
let logQueueError = (e: unknown) => console.error("job queue:", e);
const queue = new Jobs(store.database, jobSettings.queue, (e) => logQueueError(e));
await queue.start().catch(async (e: unknown) => {
  console.error(`cannot start the job queue: ${e instanceof Error ? e.message : String(e)}`);
  await store.close();
  return process.exit(1);
});
let work: JobWork | undefined;
const app = buildServer({
  corsOrigins: list(process.env.CORS_ORIGINS),
  logger: { level: process.env.LOG_LEVEL ?? "info" },
  limits,
  ...(trustProxy === true || trustProxy.length ? { trustProxy } : {}),
  pages: { embedOrigins: embedOrigins(process.env.VITE_EMBED_ORIGINS) },
  store,
  webDir: webDir(process.env),
  jobs: { queue, settings: jobSettings, ...(jobSettings.workInApi ? { rowsWorkedHere: () => work?.rows() ?? 0 } : {}) },
});
logQueueError = (e) => app.log.error({ err: e }, "job queue error");
if (jobSettings.workInApi) work = await startJobWork({ jobs: queue, store, settings: jobSettings, log: app.log });
app.addHook("onClose", async () => {
  await (work ? work.stop() : queue.stop());
  await store.close();
});
app.log.info({ database: store.kind, location: store.location, erasedByRetention: erased, worksJobs: jobSettings.workInApi }, "storage ready");

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    app.log.info({ signal, deadlineSeconds: limits.shutdownSeconds, inFlight: app.inFlight.size }, "closing: finishing requests in flight");
    closeWithin(app, limits.shutdownSeconds).then(
      (cut) => {
        app.log.info({ cut: cut.length }, "closed");
        process.exit(0);
      },
      (e: unknown) => {
        app.log.error({ err: e }, "close failed");
        process.exit(1);
      },
    );
  });
}

try {
  await app.listen({ port, host });
} catch (e) {
  app.log.error({ err: e }, "cannot listen");
  process.exit(1);
}
