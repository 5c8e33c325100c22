/**
 * Worker threads for plans (plan-worker.ts), started with the server or the job worker; a task goes to the least
 * busy one. A thread that fails (a bug) fails its tasks and is replaced.
 */
import { Worker } from "node:worker_threads";
import type { FromPlanWorker, PartTask, PlanJob, ToPlanWorker } from "./plan-worker.ts";

export type PoolMessage = FromPlanWorker | { type: "crash"; error: Error };
type Task = Omit<PlanJob, "id"> | Omit<PartTask, "id">;

export class PlanPool {
  private readonly workers: Array<{ w: Worker; jobs: Set<number> }> = [];
  private readonly handlers = new Map<number, (m: PoolMessage) => void>();
  private nextId = 1;
  constructor(size: number) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }
  private spawn() {
    const src = import.meta.url.endsWith(".ts");
    const w = src
      ? new Worker(new URL("./ts-worker.mjs", import.meta.url), { workerData: { entry: new URL("./plan-worker.ts", import.meta.url).href } })
      : new Worker(new URL("./plan-worker.mjs", import.meta.url));
    const slot = { w, jobs: new Set<number>() };
    w.on("message", (m: FromPlanWorker) => {
      if (m.type === "end" || m.type === "error" || m.type === "prepared" || m.type === "part-done") slot.jobs.delete(m.id);
      this.handlers.get(m.id)?.(m);
    });
    // A bug in a worker fails its tasks (500, or the job part is retried) and the worker is replaced.
    w.on("error", (error) => {
      for (const id of slot.jobs) this.handlers.get(id)?.({ type: "crash", error });
      const i = this.workers.indexOf(slot);
      if (i >= 0) this.workers[i] = this.spawn();
    });
    w.unref();
    return slot;
  }
  /** Sends a task; `onMessage` gets its answers until the last one. Returns how to ask for more pieces or cancel. */
  run(task: Task, onMessage: (m: PoolMessage) => void) {
    const id = this.nextId++;
    const slot = this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    slot.jobs.add(id);
    this.handlers.set(id, (m) => {
      if (m.type === "end" || m.type === "error" || m.type === "crash" || m.type === "prepared" || m.type === "part-done") this.handlers.delete(id);
      onMessage(m);
    });
    const message = { ...task, id } as ToPlanWorker;
    slot.w.postMessage(message, message.type === "job" ? [message.body.buffer as ArrayBuffer] : []);
    return (type: "more" | "cancel") => slot.w.postMessage({ type, id } satisfies ToPlanWorker);
  }
  /** A job's part evaluated in a thread: its outcomes and tallies as JSON. */
  part(spec: string, input: string): Promise<{ rows: number; output: string; tallies: string }> {
    return new Promise((resolve, reject) =>
      this.run({ type: "part", spec, input }, (m) => {
        if (m.type === "part-done") resolve(m);
        else if (m.type === "crash") reject(m.error);
        else reject(new Error(`unexpected answer to a part: ${m.type}`));
      }),
    );
  }
  close() {
    return Promise.all(this.workers.map((s) => s.w.terminate()));
  }
}
