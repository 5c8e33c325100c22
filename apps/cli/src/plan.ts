/**
 * Plans on the command line: a JSON plan or a CSV (one employee a row, columns = fact names plus `id` and `aid`),
 * streamed in and out so that 100,000 rows stay well under 1 GB: each employee's result is written as soon as it
 * is computed, and only the totals are kept. Progress goes to stderr; stdout stays pure JSON.
 */
import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import {
  InputError,
  employeeFromCsvRow,
  getRuntime,
  parsePlanEnvelope,
  PlanRun,
  type ScenarioSpec,
  type TallyState,
} from "@fne/engine";
import type { EmployeeResult } from "@fne/schema";

const PROGRESS_FROM = 10_000;

/** Buffered stdout that respects back-pressure. */
class Out {
  private chunks: string[] = [];
  private size = 0;
  write(s: string) {
    this.chunks.push(s);
    this.size += s.length;
  }
  async flush(force = false) {
    if (!force && this.size < 1 << 20) return;
    const ok = process.stdout.write(this.chunks.join(""));
    this.chunks = [];
    this.size = 0;
    if (!ok) await once(process.stdout, "drain");
  }
}

class Progress {
  private last = -1;
  constructor(private readonly total: number | undefined) {}
  tick(done: number) {
    if (this.total !== undefined && this.total <= PROGRESS_FROM) return;
    if (this.total === undefined && done <= PROGRESS_FROM) return;
    const pct = this.total ? Math.floor((done * 100) / this.total) : Math.floor(done / 10_000);
    if (pct === this.last) return;
    this.last = pct;
    process.stderr.write(this.total ? `\rplan: ${done.toLocaleString("en")} / ${this.total.toLocaleString("en")} rows (${pct} %)` : `\rplan: ${done.toLocaleString("en")} rows`);
  }
  end() {
    if (this.last >= 0) process.stderr.write("\n");
  }
}

/** One line of the results CSV: an employee's result under one aid, or its error. */
export interface CsvLine {
  id: string;
  aid: string;
  status: string;
  note: string;
  costs: string[];
  amounts: Record<string, unknown>;
}

export function csvLines(er: EmployeeResult): CsvLine[] {
  if ("error" in er) return [{ id: er.id, aid: "", status: "invalid", note: er.error.issues.map((i) => `${i.path}: ${i.message}`).join("; "), costs: ["", "", ""], amounts: {} }];
  return er.results.map((r) => ({
    id: er.id,
    aid: r.aid,
    status: r.status,
    note: r.missing.length ? `missing: ${r.missing.join(", ")}` : "",
    costs: r.costs ? [r.costs.employer, r.costs.state, r.costs.employee] : ["", "", ""],
    amounts: r.amounts,
  }));
}

/** Results as CSV for a spreadsheet: one row per employee and aid, the costs, and the amounts of the aids present. */
function writeResultsCsv(path: string, lines: CsvLine[]) {
  const rt = getRuntime();
  const aids = [...new Set(lines.map((l) => l.aid).filter((a) => a !== ""))];
  const keys = [...new Set(aids.flatMap((a) => Object.keys(rt.aids.get(a)?.def.amounts ?? {})))];
  const header = ["id", "aid", "status", "note", "employerCost", "stateCost", "employeeAllocations", ...keys];
  const body = lines.map((l) => [l.id, l.aid, l.status, l.note, ...l.costs, ...keys.map((k) => (l.amounts[k] === undefined ? "" : String(l.amounts[k])))]);
  writeFileSync(path, stringify([header, ...body]));
}

export interface PlanRunOptions {
  out?: string;
  scenarios: ScenarioSpec[];
  detail: "brief" | "full";
}

/** Rows at or above this count are evaluated by worker threads, one per core (measured: ~2× on 2 cores). */
const PARALLEL_FROM = 5_000;
const BATCH = 1_000;

/** Rows of a batch: plan employees, or CSV records with their header (converted in the worker: cheaper to send). */
export interface Batch {
  seq: number;
  first: number;
  rows: unknown[];
  header?: string[];
}
export interface BatchDone {
  seq: number;
  json: string;
  tallies: TallyState[];
  csv?: CsvLine[];
}

/** Evaluate batches in worker threads (apps/cli/src/plan-worker.ts, bundled beside main.mjs), results in order. */
class Pool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, (d: BatchDone) => void>();
  private next = 0;
  constructor(n: number, workerData: unknown) {
    this.workers = Array.from({ length: n }, () => {
      const w = new Worker(new URL("./plan-worker.mjs", import.meta.url), { workerData });
      w.on("message", (d: BatchDone) => {
        this.waiting.get(d.seq)!(d);
        this.waiting.delete(d.seq);
      });
      w.on("error", (e) => {
        throw e;
      });
      return w;
    });
  }
  run(b: Batch): Promise<BatchDone> {
    return new Promise((resolve) => {
      this.waiting.set(b.seq, resolve);
      this.workers[this.next++ % this.workers.length]!.postMessage(b);
    });
  }
  close() {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A CSV record (its cells in header order) → a plan employee. */
export function fromRecord(header: string[], record: string[], index: number) {
  const row: Record<string, string> = {};
  for (let j = 0; j < header.length; j++) row[header[j]!] = record[j] ?? "";
  return employeeFromCsvRow(getRuntime(), row, index);
}

/** `rows` are plan employees, or CSV records when `header` is given. */
async function stream(envelope: object, rows: AsyncIterable<unknown> | Iterable<unknown>, total: number | undefined, opts: PlanRunOptions, header?: () => string[]) {
  const rt = getRuntime();
  const { ctx } = parsePlanEnvelope(rt, envelope, { detail: opts.detail });
  ctx.scenarios.push(...opts.scenarios);
  const run = new PlanRun(rt, ctx);
  const out = new Out();
  const lines: CsvLine[] = [];
  const progress = new Progress(total);
  const { date, currency } = run.summary();
  out.write(`{"date":${JSON.stringify(date)},"currency":${JSON.stringify(currency)},"employees":[`);
  let written = 0;
  const writeJson = (json: string, n: number) => {
    if (n === 0) return;
    out.write(`${written === 0 ? "\n" : ",\n"}${json}`);
    written += n;
  };

  const parallel = total === undefined || total >= PARALLEL_FROM;
  if (!parallel) {
    let i = 0;
    for await (const row of rows) {
      const er = run.add(header ? fromRecord(header(), row as string[], i++) : row);
      writeJson(JSON.stringify(er), 1);
      if (opts.out) lines.push(...csvLines(er));
    }
  } else {
    const pool = new Pool(Math.max(1, Math.min(2, availableParallelism())), { envelope, scenarios: opts.scenarios, detail: opts.detail, csv: opts.out !== undefined });
    const inFlight: Array<{ size: number; done: Promise<BatchDone> }> = [];
    const settle = async () => {
      const head = inFlight.shift()!;
      const d = await head.done;
      writeJson(d.json, head.size);
      run.mergeStates(d.tallies);
      if (d.csv) lines.push(...d.csv);
      progress.tick(written);
      await out.flush();
    };
    let batch: unknown[] = [];
    let seq = 0;
    let first = 0;
    const send = () => {
      inFlight.push({ size: batch.length, done: pool.run({ seq: seq++, first, rows: batch, ...(header ? { header: header() } : {}) }) });
      first += batch.length;
      batch = [];
    };
    for await (const row of rows) {
      batch.push(row);
      if (batch.length === BATCH) {
        send();
        if (inFlight.length >= 8) await settle();
      }
    }
    if (batch.length) send();
    while (inFlight.length) await settle();
    await pool.close();
  }
  progress.tick(written);
  progress.end();
  const { date: _d, currency: _c, ...summary } = run.summary();
  out.write(`\n],${JSON.stringify(summary).slice(1)}\n`);
  await out.flush(true);
  if (opts.out) writeResultsCsv(opts.out, lines);
}

/** A JSON plan (already parsed). */
export async function runJsonPlan(input: unknown, opts: PlanRunOptions) {
  const { employees } = parsePlanEnvelope(getRuntime(), input, { detail: opts.detail });
  const { employees: _rows, ...envelope } = input as { employees: unknown[] };
  await stream({ ...envelope, employees: [] }, employees, employees.length, opts);
}

/** A CSV plan: the employer's facts come from the command line. */
export async function runCsvPlan(file: string, envelope: { date: string; employer: { headcount: number; proposesCRP?: boolean } }, opts: PlanRunOptions) {
  parsePlanEnvelope(getRuntime(), { ...envelope, employees: [] }, { detail: opts.detail });
  let total: number | undefined;
  if (file !== "-") {
    try {
      const text = readFileSync(file);
      let lines = 0;
      for (let i = 0; i < text.length; i++) if (text[i] === 10) lines++;
      total = Math.max(0, lines - 1);
    } catch (e) {
      throw new InputError("invalid_plan", `cannot read ${file}: ${(e as Error).message}`, [{ path: "(file)", message: (e as Error).message }]);
    }
  }
  // Records as arrays (twice as fast as csv-parse's `columns`); the header row names the facts.
  const parser = (file === "-" ? process.stdin : createReadStream(file)).pipe(
    parse({ skip_empty_lines: true, bom: true, delimiter: [",", ";"], relax_column_count: true }),
  );
  let header: string[] | undefined;
  let i = 0;
  async function* rows() {
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        if (!header) header = record.map((h) => h.trim());
        else {
          i++;
          yield record;
        }
      }
    } catch (e) {
      throw new InputError("invalid_plan", `CSV: ${(e as Error).message}`, [{ path: `employees.${i}`, message: (e as Error).message }]);
    }
  }
  await stream({ ...envelope, employees: [] }, rows(), total, opts, () => header!);
}
