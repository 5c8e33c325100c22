/**
 * Plans on the command line: a JSON plan or a CSV (one employee a row, columns = fact names plus `id` and `aid`),
 * streamed in and out so that 100,000 rows stay well under 1 GB: each employee's result is written as soon as it
 * is computed, and only the totals are kept. Progress goes to stderr; stdout stays pure JSON.
 */
import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import {
  InputError,
  employeeFromCsvRow,
  getRuntime,
  parsePlanEnvelope,
  PlanRun,
  type PlanContext,
  type ScenarioSpec,
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

/** Results as CSV for a spreadsheet: one row per employee, the costs, and the amounts of the aids present. */
class ResultsCsv {
  private rows: Array<{ id: string; aid: string; status: string; error: string; costs: string[]; amounts: Record<string, unknown> }> = [];
  private aids = new Set<string>();
  add(er: EmployeeResult) {
    if ("error" in er) {
      this.rows.push({ id: er.id, aid: "", status: "invalid", error: er.error.issues.map((i) => `${i.path}: ${i.message}`).join("; "), costs: ["", "", ""], amounts: {} });
      return;
    }
    for (const r of er.results) {
      this.aids.add(r.aid);
      const c = r.costs;
      this.rows.push({ id: er.id, aid: r.aid, status: r.status, error: r.missing.length ? `missing: ${r.missing.join(", ")}` : "", costs: c ? [c.employer, c.state, c.employee] : ["", "", ""], amounts: r.amounts });
    }
  }
  write(path: string) {
    const rt = getRuntime();
    const keys = [...new Set([...this.aids].flatMap((a) => Object.keys(rt.aids.get(a)?.def.amounts ?? {})))];
    const header = ["id", "aid", "status", "note", "employerCost", "stateCost", "employeeAllocations", ...keys];
    const body = this.rows.map((r) => [r.id, r.aid, r.status, r.error, ...r.costs, ...keys.map((k) => (r.amounts[k] === undefined ? "" : String(r.amounts[k])))]);
    writeFileSync(path, stringify([header, ...body]));
  }
}

export interface PlanRunOptions {
  out?: string;
  scenarios: ScenarioSpec[];
  detail: "brief" | "full";
}

async function stream(ctx: PlanContext, rows: AsyncIterable<unknown> | Iterable<unknown>, total: number | undefined, opts: PlanRunOptions) {
  const run = new PlanRun(getRuntime(), ctx);
  const out = new Out();
  const csv = opts.out ? new ResultsCsv() : undefined;
  const progress = new Progress(total);
  const { date, currency } = run.summary();
  out.write(`{"date":${JSON.stringify(date)},"currency":${JSON.stringify(currency)},"employees":[`);
  for await (const row of rows) {
    const er = run.add(row);
    out.write(`${run.done === 1 ? "\n" : ",\n"}${JSON.stringify(er)}`);
    csv?.add(er);
    if (run.done % 1000 === 0) {
      progress.tick(run.done);
      await out.flush();
    }
  }
  progress.tick(run.done);
  progress.end();
  const { date: _d, currency: _c, ...summary } = run.summary();
  out.write(`\n],${JSON.stringify(summary).slice(1)}\n`);
  await out.flush(true);
  csv?.write(opts.out!);
}

/** A JSON plan (already parsed). */
export async function runJsonPlan(input: unknown, opts: PlanRunOptions) {
  const { ctx, employees } = parsePlanEnvelope(getRuntime(), input, { detail: opts.detail });
  ctx.scenarios.push(...opts.scenarios);
  await stream(ctx, employees, employees.length, opts);
}

/** A CSV plan: the employer's facts come from the command line. */
export async function runCsvPlan(file: string, envelope: { date: string; employer: { headcount: number; proposesCRP?: boolean } }, opts: PlanRunOptions) {
  const { ctx } = parsePlanEnvelope(getRuntime(), { ...envelope, employees: [] }, { detail: opts.detail });
  ctx.scenarios.push(...opts.scenarios);
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
  const rt = getRuntime();
  // Records as arrays (twice as fast as csv-parse's `columns`); the header row names the facts.
  const parser = (file === "-" ? process.stdin : createReadStream(file)).pipe(
    parse({ skip_empty_lines: true, bom: true, delimiter: [",", ";"], relax_column_count: true }),
  );
  let i = 0;
  async function* rows() {
    let header: string[] | undefined;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        if (!header) {
          header = record.map((h) => h.trim());
          continue;
        }
        const row: Record<string, string> = {};
        for (let j = 0; j < header.length; j++) row[header[j]!] = record[j] ?? "";
        yield employeeFromCsvRow(rt, row, i++);
      }
    } catch (e) {
      throw new InputError("invalid_plan", `CSV: ${(e as Error).message}`, [{ path: `employees.${i}`, message: (e as Error).message }]);
    }
  }
  await stream(ctx, rows(), total, opts);
}
