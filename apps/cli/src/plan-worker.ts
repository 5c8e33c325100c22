/** A worker thread of `pnpm calc` for large plans: one lane of pieces (pieces.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { PieceRunner, type ToWorker, type WorkerSetup } from "./pieces.ts";

const runner = new PieceRunner(workerData as WorkerSetup);
parentPort!.on("message", (m: ToWorker) => parentPort!.postMessage(runner.handle(m)));
