// Starts a worker thread from TypeScript sources (tests, `tsx`): the bundle (`pnpm api`) runs plan-worker.mjs.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
