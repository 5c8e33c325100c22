/**
 * A plan from any source (a JSON Plan, a CSV or xlsx file with the employer's settings beside it), checked,
 * evaluated row by row with the engine's PlanRun and written in any format. The CLI, the API's plan worker and the
 * simulator's Web Worker all go through here, so the three give the same bytes for the same plan.
 */
import { InputError, parsePlanEnvelope, PlanRun, type PlanContext, type RowOutcome, type Runtime, type ScenarioSpec } from "@fne/engine";
import type { ErrorIssue, Lang } from "@fne/schema";
import type { Dialect } from "./dialect.ts";
import { ENGLISH } from "./dialect.ts";
import { PlanFileError, readCsv, type PlanTable } from "./read.ts";
import { checkHeader, RowReader } from "./rows.ts";
import { compactRows, type CompactRow } from "./rowview.ts";
import { amountKeys, CsvWriter, jsonHead, jsonlRows, jsonlTail, jsonTail, xlsxBytes, type Columns, type Format } from "./write.ts";

/** The employer's side of a plan file, which a file of employees cannot carry (CLI options, API query). */
export interface FileEnvelope {
  date: string;
  employer: { headcount: number; proposesCRP?: boolean };
  scenarios?: ScenarioSpec[];
  lang?: Lang;
}

/** A row ready to evaluate: a plan employee, or a record of the file that could not be read (its own error). */
export type RowSource = { raw: unknown; line?: number } | { invalid: { id: string; issues: ErrorIssue[] }; line: number };

export interface PreparedPlan {
  /** The envelope as a Plan without employees: what a worker thread rebuilds the context from. */
  envelope: Record<string, unknown>;
  ctx: PlanContext;
  rows: RowSource[];
  columns: Columns;
}

export interface PlanOptions {
  detail?: "brief" | "full";
  /** Extra scenarios (the CLI's --compare), after the plan's own. */
  scenarios?: ScenarioSpec[];
}

const invalidPlan = (message: string, issues: ErrorIssue[]) => new InputError("invalid_plan", message, issues);

/** The file's records → rows; the header is checked once (an unknown column stops the plan, naming it). */
export function tableRows(rt: Runtime, table: Pick<PlanTable, "header" | "dialect">, records: PlanTable["rows"], firstIndex = 0): RowSource[] {
  const reader = new RowReader(rt, table.header, table.dialect);
  return records.map((r, i) => {
    const x = reader.read(r.cells, firstIndex + i);
    return x.ok ? { raw: x.employee, line: r.line } : { invalid: { id: x.id, issues: x.issues }, line: r.line };
  });
}

export function checkTableHeader(rt: Runtime, header: string[]) {
  const issues = checkHeader(rt, header);
  if (issues.length) throw invalidPlan(`the header of the plan file: ${issues.map((i) => i.message).join("; ")}`, issues);
}

/** The aids the rows name ("" for a row screened against every aid): which amount columns the output has. */
export function aidsOf(rows: RowSource[]): Set<string> {
  const aids = new Set<string>();
  for (const r of rows) {
    if (!("raw" in r)) continue;
    const aid = (r.raw as { aid?: unknown } | null)?.aid;
    aids.add(typeof aid === "string" ? aid : "");
  }
  return aids;
}

function context(rt: Runtime, envelope: Record<string, unknown>, opts: PlanOptions) {
  const { ctx, employees } = parsePlanEnvelope(rt, envelope, { detail: opts.detail ?? "brief" });
  ctx.scenarios.push(...(opts.scenarios ?? []));
  return { ctx, employees };
}

export function columnsFor(rt: Runtime, dialect: Dialect, aids: Iterable<string>, ctx: PlanContext): Columns {
  return { dialect, amountKeys: amountKeys(rt, aids), scenarios: ctx.scenarios.map((s) => s.name) };
}

/** A JSON Plan (parsed): its envelope checked (400 / exit 2 naming the field), its employees as rows. */
export function prepareJson(rt: Runtime, plan: unknown, opts: PlanOptions = {}, dialect: Dialect = ENGLISH): PreparedPlan {
  const { ctx, employees } = context(rt, plan as Record<string, unknown>, opts);
  const { employees: _e, ...rest } = plan as Record<string, unknown>;
  const envelope = { ...rest, employees: [] };
  const rows: RowSource[] = employees.map((raw) => ({ raw }));
  return { envelope, ctx, rows, columns: columnsFor(rt, dialect, aidsOf(rows), ctx) };
}

/** The envelope of a file plan as a Plan without employees. */
export const fileEnvelope = (e: FileEnvelope): Record<string, unknown> => ({ ...e, employees: [] });

/** A plan file read whole (the API's worker, the simulator): the envelope and the header checked, every record read. */
export function prepareTable(rt: Runtime, table: PlanTable, e: FileEnvelope, opts: PlanOptions = {}): PreparedPlan {
  const envelope = fileEnvelope(e);
  const { ctx } = context(rt, envelope, opts);
  checkTableHeader(rt, table.header);
  const rows = tableRows(rt, table, table.rows);
  return { envelope, ctx, rows, columns: columnsFor(rt, table.dialect, aidsOf(rows), ctx) };
}

/** Evaluate one row (and its scenarios). */
export function evaluateRow(run: PlanRun, r: RowSource): RowOutcome {
  if ("invalid" in r) return run.addInvalid(r.invalid.id, r.invalid.issues, r.line);
  return run.addRow(r.raw, r.line);
}

/** Bounds on what one plan may ask for (the API's; the CLI and the simulator run on the user's own machine). */
export interface PlanCaps {
  rows: number;
  scenarios: number;
  /** Results in the answer: a row with its aid gives one, a row without one is screened against every aid. */
  results: number;
  /** Evaluations: results × (1 + scenarios). */
  evaluations: number;
}

/** The first cap the plan passes, as the contract's Error naming the cap (413 for size, 400 for scenarios). */
export function checkCaps(rt: Runtime, p: PreparedPlan, caps: PlanCaps): { status: 400 | 413; error: InputError } | undefined {
  const scenarios = p.ctx.scenarios.length;
  if (scenarios > caps.scenarios) {
    const message = `${scenarios} scenarios: one plan may compare at most ${caps.scenarios}`;
    return { status: 400, error: invalidPlan(message, [{ path: "scenarios", message }]) };
  }
  const tooBig = (message: string) => ({ status: 413 as const, error: new InputError("payload_too_large", message, [{ path: "employees", message }]) });
  if (p.rows.length > caps.rows) return tooBig(`${p.rows.length} employees: one plan may have at most ${caps.rows}; split the plan`);
  let screened = 0;
  for (const r of p.rows) if ("raw" in r && typeof (r.raw as { aid?: unknown } | null)?.aid !== "string") screened++;
  const aids = rt.aids.size;
  const results = p.rows.length - screened + screened * aids;
  if (results > caps.results)
    return tooBig(`${results} results asked (${screened} rows without an aid are each screened against the ${aids} aids): one plan may produce at most ${caps.results}; give each row its aid, or split the plan`);
  if (results * (1 + scenarios) > caps.evaluations)
    return tooBig(`${results * (1 + scenarios)} evaluations asked (${results} results × ${1 + scenarios} scenarios): one plan may ask for at most ${caps.evaluations}`);
  return undefined;
}

/** Where one output goes: its format and what receives its pieces in order (it may wait: back-pressure). */
export interface Target {
  format: Format;
  emit: (piece: string | Uint8Array) => void | Promise<void>;
}

/**
 * Evaluated rows in one format: for json the rows' JSON joined by ",\n" (the caller puts the separator before a
 * piece), jsonl and csv their lines, xlsx the compact rows (the workbook is written whole at the end).
 */
export function formatPiece(rt: Runtime, columns: Columns, lang: Lang, format: Format, outcomes: RowOutcome[]): string | CompactRow[] {
  if (format === "json") return outcomes.map((o) => JSON.stringify(o.result)).join(",\n");
  const compact: CompactRow[] = [];
  for (const o of outcomes) for (const r of compactRows(rt, o, lang)) compact.push(r);
  if (format === "jsonl") return jsonlRows(compact);
  if (format === "csv") return new CsvWriter(rt, columns).rows(compact);
  return compact;
}

type Summary = ReturnType<PlanRun["summary"]>;

/** The pieces of output before and after the rows, and the xlsx workbook, for each format. */
export function headPiece(rt: Runtime, columns: Columns, format: Format, date: string, currency: string): string {
  if (format === "json") return jsonHead(date, currency);
  return format === "csv" ? new CsvWriter(rt, columns).head() : "";
}
export async function tailPiece(rt: Runtime, columns: Columns, format: Format, s: Summary, rows: CompactRow[]): Promise<string | Uint8Array> {
  if (format === "json") return jsonTail(s);
  if (format === "jsonl") return jsonlTail(s);
  if (format === "csv") return new CsvWriter(rt, columns).tail(s);
  return xlsxBytes(rt, columns, rows, s);
}

/**
 * Writes a prepared plan to each target, `batch` rows at a time; returns the plan's summary. `onRow` sees each
 * evaluated row (the simulator keeps them for the table and the row details).
 */
export async function writePlan(rt: Runtime, p: PreparedPlan, targets: Target[], batch = 500, onRow?: (o: RowOutcome, index: number) => void): Promise<Summary> {
  const run = new PlanRun(rt, p.ctx);
  const { date, currency } = run.summary();
  const xlsxRows: CompactRow[] = [];
  for (const t of targets) {
    const head = headPiece(rt, p.columns, t.format, date, currency);
    if (head) await t.emit(head);
  }
  for (let from = 0; from < p.rows.length; from += batch) {
    const outcomes = p.rows.slice(from, from + batch).map((r, k) => {
      const o = evaluateRow(run, r);
      onRow?.(o, from + k);
      return o;
    });
    for (const t of targets) {
      const piece = formatPiece(rt, p.columns, p.ctx.lang, t.format, outcomes);
      if (Array.isArray(piece)) xlsxRows.push(...piece);
      else if (piece) await t.emit(t.format === "json" ? `${from === 0 ? "\n" : ",\n"}${piece}` : piece);
    }
  }
  const summary = run.summary();
  for (const t of targets) await t.emit(await tailPiece(rt, p.columns, t.format, summary, xlsxRows));
  return summary;
}

/** A file that cannot be read is an invalid plan (exit 2, HTTP 400), with its line when known. */
export function fileError(e: unknown): unknown {
  if (e instanceof PlanFileError) return invalidPlan(e.line ? `line ${e.line}: ${e.message}` : e.message, [{ path: e.line ? `line ${e.line}` : "(file)", message: e.message }]);
  return e;
}

/**
 * A CSV plan file as a JSON Plan (the employer's settings beside it): the same reading as every front end. A record
 * that cannot be read keeps its cells as text, so that evaluating the plan gives that row its error.
 */
export function planFromCsv(rt: Runtime, text: string, e: { date: string; headcount: number; proposesCRP?: boolean }) {
  const table = readCsv(text);
  checkTableHeader(rt, table.header);
  const reader = new RowReader(rt, table.header, table.dialect);
  const employees = table.rows.map((r, i) => {
    const x = reader.read(r.cells, i);
    return x.ok ? x.employee : { id: x.id, facts: Object.fromEntries(table.header.map((h, j) => [h, r.cells[j] ?? ""]).filter(([h]) => h !== "id" && h !== "aid")) };
  });
  return { date: e.date, employer: { headcount: e.headcount, ...(e.proposesCRP !== undefined ? { proposesCRP: e.proposesCRP } : {}) }, employees };
}
