/** A worker thread of `pnpm calc` for large plans: evaluates batches of rows, returns their JSON and totals. */
import { parentPort, workerData } from "node:worker_threads";
import { getRuntime, parsePlanEnvelope, PlanRun, type ScenarioSpec } from "@fne/engine";
import { csvLines, fromRecord, type Batch, type BatchDone, type CsvLine } from "./plan.ts";

const data = workerData as { envelope: object; scenarios: ScenarioSpec[]; detail: "brief" | "full"; csv: boolean };
const rt = getRuntime();
const { ctx } = parsePlanEnvelope(rt, data.envelope, { detail: data.detail });
ctx.scenarios.push(...data.scenarios);

parentPort!.on("message", (b: Batch) => {
  const run = new PlanRun(rt, ctx, b.first);
  const json: string[] = [];
  const csv: CsvLine[] | undefined = data.csv ? [] : undefined;
  for (let i = 0; i < b.rows.length; i++) {
    const er = run.add(b.header ? fromRecord(b.header, b.rows[i] as string[], b.first + i) : b.rows[i]);
    json.push(JSON.stringify(er));
    if (csv) csv.push(...csvLines(er));
  }
  const done: BatchDone = { seq: b.seq, json: json.join(",\n"), tallies: run.tallyStates(), ...(csv ? { csv } : {}) };
  parentPort!.postMessage(done);
});
