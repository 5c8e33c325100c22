/**
 * Plans on the command line: a JSON plan, or a plan file (CSV in any of its dialects, or xlsx) with the employer's
 * settings as options. Read, checked and written by @fne/planfile, as the API and the web simulator do. Output
 * goes to stdout in `--format` and, with `--out FILE`, to FILE in the format its extension names.
 *
 * Large CSV files are cut at record boundaries and each piece is parsed and evaluated in one of two lanes, the main
 * thread and a worker thread (one lane per core): the main thread also cuts the text, checks the ids across pieces
 * (a duplicate id is that row's error) and writes the pieces in order. Exit 0: every row valid; 3: the plan ran and
 * some rows are invalid.
 */
import { createWriteStream, readFileSync, type WriteStream } from "node:fs";
import { once } from "node:events";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { PieceRunner, type FromWorker, type ToWorker, type WorkerSetup } from "./pieces.ts";
import { getRuntime, InputError, PlanRun, type ScenarioSpec, type TallyState } from "@fne/engine";
import {
  csvPieces,
  csvRecords,
  fileEnvelope,
  fileError,
  headPiece,
  isZip,
  planBatches,
  PlanFileError,
  prepareJson,
  prepareTable,
  readCsv,
  readXlsx,
  tailPiece,
  writePlan,
  columnsFor,
  checkTableHeader,
  type Columns,
  type CompactRow,
  type FileEnvelope,
  type Format,
  type PreparedPlan,
  type RowSource,
  type Target,
} from "@fne/planfile";

export interface CliPlanOptions {
  /** Format on stdout. */
  format: Format;
  /** A file to write as well, in the format its extension names. */
  out?: { path: string; format: Format };
  scenarios: ScenarioSpec[];
  detail: "brief" | "full";
}

/** Exit codes of a plan that ran (CONTRACT.md): 0 every row valid, 3 some row invalid (the output is complete). */
const exitCode = (invalid: number) => (invalid > 0 ? 3 : 0);

/** stdout or a file, buffered, respecting back-pressure. */
class Sink {
  private chunks: string[] = [];
  private size = 0;
  private bytes?: Uint8Array;
  constructor(private readonly stream: NodeJS.WritableStream | WriteStream) {}
  async emit(piece: string | Uint8Array) {
    if (typeof piece !== "string") {
      this.bytes = piece;
      return;
    }
    this.chunks.push(piece);
    this.size += piece.length;
    if (this.size >= 1 << 20) await this.flush();
  }
  async flush() {
    if (this.bytes) {
      if (!this.stream.write(this.bytes)) await once(this.stream, "drain");
      this.bytes = undefined;
    }
    if (!this.size) return;
    const ok = this.stream.write(this.chunks.join(""));
    this.chunks = [];
    this.size = 0;
    if (!ok) await once(this.stream, "drain");
  }
}

async function withTargets(opts: CliPlanOptions, body: (targets: Target[]) => Promise<number>): Promise<number> {
  const out = new Sink(process.stdout);
  const targets: Target[] = [{ format: opts.format, emit: (p) => out.emit(p) }];
  let file: WriteStream | undefined;
  let fileSink: Sink | undefined;
  if (opts.out) {
    file = createWriteStream(opts.out.path);
    await Promise.race([once(file, "open"), once(file, "error").then(([e]) => Promise.reject(new InputError("invalid_plan", `cannot write ${opts.out!.path}: ${(e as Error).message}`, [{ path: "--out", message: (e as Error).message }])))]);
    fileSink = new Sink(file);
    targets.push({ format: opts.out.format, emit: (p) => fileSink!.emit(p) });
  }
  const code = await body(targets);
  await out.flush();
  if (file && fileSink) {
    await fileSink.flush();
    file.end();
    await once(file, "finish");
  }
  return code;
}

class Progress {
  private last = -1;
  constructor(private readonly total: number) {}
  tick(done: number) {
    if (this.total <= 10_000) return;
    const pct = Math.floor((done * 100) / this.total);
    if (pct === this.last) return;
    this.last = pct;
    process.stderr.write(`\rplan: ${done.toLocaleString("en")} / ${this.total.toLocaleString("en")} rows (${pct} %)`);
  }
  end() {
    if (this.last >= 0) process.stderr.write("\n");
  }
}

/** Pieces of this many characters: a few thousand rows, enough to keep two workers busy with little waiting. */
const PIECE = 256 * 1024;
/** Rows of a JSON or xlsx plan sent to a worker at once. */
const BATCH = 2_000;

function readFile(file: string): Buffer {
  try {
    return file === "-" ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    throw new InputError("invalid_plan", `cannot read ${file}: ${(e as Error).message}`, [{ path: "(file)", message: (e as Error).message }]);
  }
}

/** A JSON plan (already parsed). */
export async function runJsonPlan(input: unknown, opts: CliPlanOptions): Promise<number> {
  const rt = getRuntime();
  const p = prepareJson(rt, input, { detail: opts.detail, scenarios: opts.scenarios });
  return withTargets(opts, (targets) => (p.rows.length >= BATCH * 2 ? runParallel(p, targets, opts) : runHere(p, targets)));
}

/** A plan file, CSV or xlsx (told apart by their bytes): the employer's settings come from the command line. */
export async function runFilePlan(file: string, e: FileEnvelope, opts: CliPlanOptions): Promise<number> {
  const rt = getRuntime();
  const envelope = fileEnvelope(e);
  prepareJson(rt, envelope, { detail: opts.detail, scenarios: opts.scenarios }); // options first: exit 2 before reading
  const bytes = readFile(file);
  try {
    if (isZip(bytes)) {
      const p = prepareTable(rt, await readXlsx(bytes), e, { detail: opts.detail, scenarios: opts.scenarios });
      return await withTargets(opts, (targets) => (p.rows.length >= BATCH * 2 ? runParallel(p, targets, opts) : runHere(p, targets)));
    }
    const text = bytes.toString("utf8");
    const cut = csvPieces(text, PIECE);
    if (cut.pieces.length <= 1) {
      const p = prepareTable(rt, readCsv(text), e, { detail: opts.detail, scenarios: opts.scenarios });
      return await withTargets(opts, (targets) => runHere(p, targets));
    }
    const header = csvRecords(cut.header, cut.dialect.separator, 1)[0]?.cells.map((h) => h.trim()) ?? [];
    checkTableHeader(rt, header);
    return await withTargets(opts, (targets) => runCsvParallel(envelope, header, cut, targets, opts));
  } catch (err) {
    throw fileError(err);
  }
}

async function runHere(p: PreparedPlan, targets: Target[]): Promise<number> {
  const s = await writePlan(getRuntime(), p, targets);
  return exitCode(s.counts.invalid);
}

// ---- worker threads -----------------------------------------------------------------------------------------


/**
 * A lane per core, two at most (measured: a third only competes for the same two cores): the main thread is one,
 * a worker thread each other. The main thread only cuts the text and writes between its own pieces, so a worker
 * of its own would cost a third copy of the rules and of the heap (start-up time and peak memory) for nothing.
 */
class Pool {
  private readonly workers: Worker[];
  private readonly here: PieceRunner;
  /** A piece has one question in flight at a time (parse, then run), so it names the answer. */
  private readonly waiting = new Map<number, { resolve: (m: FromWorker) => void; reject: (e: unknown) => void }>();
  constructor(setup: WorkerSetup) {
    const n = Math.max(1, Math.min(2, availableParallelism()));
    this.here = new PieceRunner(setup);
    this.workers = Array.from({ length: n - 1 }, () => {
      const w = new Worker(new URL("./plan-worker.mjs", import.meta.url), { workerData: setup });
      w.on("message", (m: FromWorker) => this.answer(m));
      w.on("error", (e) => {
        for (const x of this.waiting.values()) x.reject(e);
        this.waiting.clear();
      });
      return w;
    });
  }
  private answer(m: FromWorker) {
    const waiter = this.waiting.get(m.piece)!;
    this.waiting.delete(m.piece);
    if (m.type !== "error") waiter.resolve(m);
    else if (m.code === "invalid_plan") waiter.reject(new InputError("invalid_plan", m.message, m.issues ?? []));
    else waiter.reject(new PlanFileError(m.message, m.line));
  }
  /** A piece goes to the same lane to be parsed and run (it keeps the parsed records). */
  ask<T extends FromWorker>(m: ToWorker): Promise<T> {
    return new Promise((resolve, reject) => {
      this.waiting.set(m.piece, { resolve: resolve as (m: FromWorker) => void, reject });
      const lane = m.piece % (this.workers.length + 1);
      // The main thread's own pieces wait their turn behind what it is writing.
      if (lane === this.workers.length) setImmediate(() => {
        try {
          this.answer(this.here.handle(m));
        } catch (e) {
          this.waiting.delete(m.piece);
          reject(e);
        }
      });
      else this.workers[lane]!.postMessage(m);
    });
  }
  close() {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Pieces evaluated in workers, written in order; at most `ahead` pieces in flight. */
async function writePieces(
  main: PlanRun,
  columns: Columns,
  targets: Target[],
  count: number,
  total: number,
  run: (piece: number) => Promise<Extract<FromWorker, { type: "done" }>>,
): Promise<number> {
  const rt = getRuntime();
  const { date, currency } = main.summary();
  for (const t of targets) {
    const head = headPiece(rt, columns, t.format, date, currency);
    if (head) await t.emit(head);
  }
  const xlsx: CompactRow[] = [];
  const progress = new Progress(total);
  let written = 0;
  const ahead = 4;
  const inFlight: Array<Promise<Extract<FromWorker, { type: "done" }>>> = [];
  let next = 0;
  while (next < count && inFlight.length < ahead) inFlight.push(run(next++));
  while (inFlight.length) {
    const d = await inFlight.shift()!;
    if (next < count) inFlight.push(run(next++));
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!;
      const piece = d.pieces[i]!;
      if (Array.isArray(piece)) for (const r of piece) xlsx.push(r);
      else if (piece) await t.emit(t.format === "json" ? `${written === 0 ? "\n" : ",\n"}${piece}` : piece);
    }
    main.mergeStates(d.tallies);
    written += d.rows;
    progress.tick(written);
  }
  progress.end();
  const summary = main.summary();
  for (const t of targets) await t.emit(await tailPiece(rt, columns, t.format, summary, xlsx));
  return exitCode(summary.counts.invalid);
}

/** Rows already read (a JSON plan, an xlsx sheet): batches to the workers, the ids checked here. */
async function runParallel(p: PreparedPlan, targets: Target[], opts: CliPlanOptions): Promise<number> {
  const rt = getRuntime();
  const pool = new Pool({ envelope: p.envelope, scenarios: opts.scenarios, detail: opts.detail, formats: targets.map((t) => t.format) });
  try {
    const batches = planBatches(p.rows, BATCH);
    const main = new PlanRun(rt, p.ctx);
    return await writePieces(main, p.columns, targets, batches.length, p.rows.length, (k) =>
      pool.ask({ type: "run", piece: k, firstIndex: batches[k]!.firstIndex, duplicates: batches[k]!.duplicates, columns: p.columns, rows: batches[k]!.rows }),
    );
  } finally {
    await pool.close();
  }
}

/** A large CSV: pieces parsed in the workers (their ids and aids come back), then evaluated there. */
async function runCsvParallel(envelope: Record<string, unknown>, header: string[], cut: ReturnType<typeof csvPieces>, targets: Target[], opts: CliPlanOptions): Promise<number> {
  const rt = getRuntime();
  const { ctx } = prepareJson(rt, envelope, { detail: opts.detail, scenarios: opts.scenarios });
  const pool = new Pool({ envelope, scenarios: opts.scenarios, detail: opts.detail, formats: targets.map((t) => t.format), header, dialect: cut.dialect });
  try {
    const parsed = await Promise.all(cut.pieces.map((x, k) => pool.ask<Extract<FromWorker, { type: "parsed" }>>({ type: "parse", piece: k, text: x.text, firstLine: x.firstLine })));
    // Ids across pieces, in file order: a row whose id an earlier row has is that row's error.
    const seen = new Map<string, string>();
    const firstIndex: number[] = [];
    const duplicates: Array<Array<[number, string]>> = [];
    const aids = new Set<string>();
    let index = 0;
    for (const x of parsed) {
      firstIndex.push(index);
      const dups: Array<[number, string]> = [];
      x.ids.forEach((raw, k) => {
        const id = raw || `#${index + k + 1}`;
        const first = seen.get(id);
        if (first !== undefined) dups.push([k, first]);
        else seen.set(id, `line ${x.lines[k]}`);
      });
      duplicates.push(dups);
      for (const a of x.aids) aids.add(a);
      index += x.ids.length;
    }
    const columns = columnsFor(rt, cut.dialect, aids, ctx);
    const main = new PlanRun(rt, ctx);
    return await writePieces(main, columns, targets, parsed.length, index, (k) =>
      pool.ask({ type: "run", piece: k, firstIndex: firstIndex[k]!, duplicates: duplicates[k]!, columns }),
    );
  } finally {
    await pool.close();
  }
}
