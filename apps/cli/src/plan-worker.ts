/** A worker thread of `pnpm calc` for large plans: one lane of pieces (pieces.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { PieceRunner } from "./pieces.ts";
import type { ToWorker, WorkerSetup } from "./plan.ts";

const runner = new PieceRunner(workerData as WorkerSetup);
parentPort!.on("message", (m: ToWorker) => parentPort!.postMessage(runner.handle(m)));
