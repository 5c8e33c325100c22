/**
 * A plan file (CSV in any dialect, or xlsx), read and evaluated in a Web Worker with @fne/planfile, as the CLI and
 * the API do: the rows for the table (with the reason in words), each row's full Result on demand, the totals, the
 * same plan under the other choice of the employer (offer the CRP or not), and the exports.
 */
import Decimal from "decimal.js";
import { describeAids, getRuntime, InputError, type RowOutcome } from "@fne/engine";
import {
  compactRows,
  CsvWriter,
  fileError,
  prepareTable,
  readPlanFile,
  writePlan,
  xlsxBytes,
  type Columns,
  type CompactRow,
  type PlanTable,
  type PreparedPlan,
} from "@fne/planfile";
import type { AidDescription, Counts, EmployeeResult, ErrorIssue, PlanResult, Status, Totals } from "@fne/schema";
import { fill, issueMessage, pick, tr, type Lang } from "./i18n.ts";
import { savablePlan, type SavablePlan } from "./saved-plans-api.ts";
import { citationLabel, missingEntry, plainText, type EngineNames } from "./words.ts";

export interface PlanRequest {
  /** The file's bytes (CSV or xlsx). */
  bytes: Uint8Array;
  date: string;
  headcount: number;
  proposesCRP: boolean;
  lang: Lang;
}

/** One line of the results table: one employee under one aid (or the row's error). */
export interface PlanRow {
  /** Position of the employee in the plan (1-based), to sort back to input order and to open its Result. */
  n: number;
  line?: number;
  id: string;
  aid: string;
  status: Status | "invalid";
  employer: string;
  state: string;
  employee: string;
  /** The reason in the caseworker's words (first unmet condition with its citation, what is missing), or the row's error. */
  note: string;
}

/** The plan as the worker keeps it. */
export interface PlanData {
  rows: PlanRow[];
  compact: CompactRow[];
  results: EmployeeResult[];
  columns: Columns;
  summary: Omit<PlanResult, "employees">;
  /** The PlanResult as JSON text: the same bytes as `pnpm calc` and POST /v1/plans give. */
  json: string;
  /** The plan as a JSON Plan, for "save this plan". */
  saved: SavablePlan;
}

export interface PlanOutcome {
  date: string;
  currency: PlanResult["currency"];
  rowCount: number;
  page: TablePage;
  totals: Totals;
  counts: Counts;
  proposesCRP: boolean;
  employees: number;
  /** The file's dialect: what the CSV export writes (French in, French out). */
  french: boolean;
  ms: number;
}

export interface PlanAlternative {
  proposesCRP: boolean;
  totals: Totals;
  counts: Counts;
}

export const STATUSES = ["eligible", "ineligible", "undetermined", "no_law", "invalid"] as const;
export type SortKey = "n" | "id" | "aid" | "status" | "employer" | "state" | "employee";
export interface TableQuery {
  filter: string;
  sort: SortKey;
  dir: 1 | -1;
  page: number;
  pageSize: number;
}
export const firstPage: TableQuery = { filter: "", sort: "n", dir: 1, page: 0, pageSize: 50 };
export interface TablePage {
  query: TableQuery;
  rows: PlanRow[];
  matched: number;
}

export type ExportFormat = "csv" | "xlsx" | "json";

/** What the page asks the worker. */
export type PlanCommand =
  | { type: "run"; req: PlanRequest }
  | { type: "view"; query: TableQuery }
  | { type: "export"; format: ExportFormat }
  | { type: "detail"; n: number }
  | { type: "plan" };

export type PlanMessage =
  | { type: "view"; page: TablePage }
  | { type: "file"; format: ExportFormat; bytes: Uint8Array; name: string; mime: string }
  | { type: "detail"; n: number; employee: EmployeeResult }
  | { type: "progress"; done: number; total: number }
  | { type: "done"; outcome: PlanOutcome }
  | { type: "alternative"; alternative: PlanAlternative }
  | { type: "plan"; saved: SavablePlan }
  | { type: "error"; message: string; issues: ErrorIssue[] };

const MONEY = new Set<SortKey>(["employer", "state", "employee"]);

export function selectRows(rows: PlanRow[], q: Pick<TableQuery, "filter" | "sort" | "dir">): PlanRow[] {
  const { sort: key, dir } = q;
  const out = q.filter ? rows.filter((r) => r.status === q.filter) : rows.slice();
  if (key === "n") return dir === 1 ? out : out.reverse();
  const cmp = MONEY.has(key)
    ? (a: PlanRow, b: PlanRow) => new Decimal(a[key] || "0").cmp(b[key] || "0")
    : (a: PlanRow, b: PlanRow) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
  return out.sort((a, b) => dir * cmp(a, b) || a.n - b.n);
}

export function pageOf(data: Pick<PlanData, "rows">, query: TableQuery): TablePage {
  const sel = selectRows(data.rows, query);
  return { query, rows: sel.slice(query.page * query.pageSize, (query.page + 1) * query.pageSize), matched: sel.length };
}

const encoder = new TextEncoder();

/** The results file: CSV in the file's dialect with its totals rows, the xlsx workbook, or the PlanResult JSON. */
export async function exportFile(data: PlanData, format: ExportFormat): Promise<Extract<PlanMessage, { type: "file" }>> {
  const rt = getRuntime();
  if (format === "json") return { type: "file", format, bytes: encoder.encode(data.json), name: "plan-resultats.json", mime: "application/json" };
  if (format === "xlsx") {
    const bytes = await xlsxBytes(rt, data.columns, data.compact, data.summary);
    return { type: "file", format, bytes, name: "plan-resultats.xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
  }
  const w = new CsvWriter(rt, data.columns);
  const text = w.head() + w.rows(data.compact) + w.tail(data.summary);
  return { type: "file", format, bytes: encoder.encode(text), name: "plan-resultats.csv", mime: "text/csv;charset=utf-8" };
}

/** The part of a plan an error names, as the employer reads it ("employees.2.facts.seniorityMonths" → the fact's label). */
export function planIssueLabel(path: string, aids: readonly AidDescription[], lang: Lang): string {
  const p = path.replace(/^employees\.\d+\.?/, "");
  const line = /^line (\d+)$/.exec(p);
  if (line) return fill(lang, "lineN", { n: line[1]! });
  if (p === "header") return tr(lang, "fileHeader");
  if (p === "(file)" || p === "" || p === "row") return tr(lang, "file");
  if (p === "id") return tr(lang, "employeeId");
  if (p === "aid" || p === "date") return tr(lang, p);
  if (p.startsWith("employer.headcount")) return tr(lang, "headcount");
  const name = p.startsWith("facts.") ? p.slice(6) : undefined;
  const def = name === undefined ? undefined : aids.map((a) => (Object.hasOwn(a.facts, name) ? a.facts[name] : undefined)).find(Boolean);
  return def ? pick(lang, def.label) : tr(lang, "input");
}

/** A row's note on screen: its error, or why its k-th result is not eligible, in the caseworker's words. */
function rowNote(e: EmployeeResult, k: number, aids: readonly AidDescription[], lang: Lang, names: EngineNames): string {
  const colon = lang === "fr" ? "\u00a0: " : ": ";
  if ("error" in e) return e.error.issues.map((i) => `${planIssueLabel(i.path, aids, lang)}${colon}${issueMessage(lang, i.message)}`).join(" ; ");
  const r = e.results[k];
  if (!r) return "";
  const aid = aids.find((a) => a.id === r.aid);
  const plain = (t: string) => plainText(t, lang, { aids, aid, names });
  if (r.status === "ineligible") {
    const failed = r.reasons.find((x) => x.passed === false);
    return failed ? `${plain(failed.text)} (${citationLabel(failed.citation, lang)})` : "";
  }
  if (r.status === "undetermined" && r.missing.length) return fill(lang, "missingShort", { names: r.missing.map((m) => missingEntry(m, aid, lang, names).label).join(", ") });
  if (r.status === "undetermined") return plain(r.notes.at(-1) ?? "");
  if (r.status === "no_law") return plain(r.notes[0] ?? "");
  return "";
}

function tableRow(c: CompactRow, n: number, note: string): PlanRow {
  return {
    n,
    ...(c.line !== undefined ? { line: c.line } : {}),
    id: c.id,
    aid: c.aid,
    status: c.status,
    employer: c.employerCost,
    state: c.stateCost,
    employee: c.employeeAllocations,
    note,
  };
}

/**
 * Read, check and evaluate; post the plan as entered as soon as it is done (the totals the employer waits for),
 * then the same plan under the other choice about the CRP (the comparison).
 */
export async function runPlanFile(req: PlanRequest, post: (m: PlanMessage) => void, now: () => number = () => performance.now()): Promise<PlanData | undefined> {
  const t0 = now();
  const rt = getRuntime();
  try {
    let p: PreparedPlan;
    let table: PlanTable;
    const envelope = { date: req.date, employer: { headcount: req.headcount, proposesCRP: req.proposesCRP }, lang: req.lang };
    try {
      table = await readPlanFile(req.bytes);
      p = prepareTable(rt, table, envelope);
    } catch (e) {
      throw fileError(e);
    }
    const total = p.rows.length;
    post({ type: "progress", done: 0, total });
    const results: EmployeeResult[] = [];
    const compact: CompactRow[] = [];
    const rows: PlanRow[] = [];
    let json = "";
    const aids = describeAids(rt);
    const names: EngineNames = { parameter: (id) => rt.parameters.get(id)?.label, detail: (aid, key) => rt.aids.get(aid)?.def.details?.[key]?.label };
    const onRow = (o: RowOutcome, i: number) => {
      results.push(o.result);
      compactRows(rt, o, p.ctx.lang).forEach((c, k) => {
        compact.push(c);
        rows.push(tableRow(c, i + 1, rowNote(o.result, k, aids, req.lang, names)));
      });
      if ((i + 1) % 1000 === 0) post({ type: "progress", done: i + 1, total });
    };
    const summary = await writePlan(rt, p, [{ format: "json", emit: (x) => void (json += x as string) }], 500, onRow);
    const data: PlanData = { rows, compact, results, columns: p.columns, summary, json, saved: savablePlan(p, req) };
    post({
      type: "done",
      outcome: {
        date: summary.date,
        currency: summary.currency,
        rowCount: rows.length,
        page: pageOf(data, firstPage),
        totals: summary.totals,
        counts: summary.counts,
        proposesCRP: req.proposesCRP,
        employees: total,
        french: p.columns.dialect.lang === "fr",
        ms: Math.round(now() - t0),
      },
    });
    const other = prepareTable(rt, table, { ...envelope, employer: { headcount: req.headcount, proposesCRP: !req.proposesCRP } });
    const alt = await writePlan(rt, other, []);
    post({ type: "alternative", alternative: { proposesCRP: !req.proposesCRP, totals: alt.totals, counts: alt.counts } });
    return data;
  } catch (e) {
    if (e instanceof InputError) post({ type: "error", message: e.message, issues: e.issues });
    else post({ type: "error", message: e instanceof Error ? e.message : String(e), issues: [] });
    return undefined;
  }
}
