/**
 * A CSV layoff plan, read and evaluated (in a Web Worker, so that the page stays responsive): the rows for the
 * table, the totals, and the same plan under the other choice of the employer (offer the CRP or not).
 */
import { parse } from "csv-parse/browser/esm/sync";
import { stringify } from "csv-stringify/browser/esm/sync";
import Decimal from "decimal.js";
import { evaluatePlan, InputError, planFromCsvRows } from "@fne/engine";
import type { Counts, ErrorIssue, PlanResult, Status, Totals } from "@fne/schema";
import { issueMessage, tr, type Lang } from "./i18n.ts";

export interface PlanRequest {
  csv: string;
  date: string;
  headcount: number;
  proposesCRP: boolean;
  lang: Lang;
}

/** One line of the results table: one employee under one aid (or the row's error). */
export interface PlanRow {
  /** Position of the employee in the file (1-based), to sort back to input order. */
  n: number;
  id: string;
  aid: string;
  status: Status | "invalid";
  employer: string;
  state: string;
  employee: string;
  note: string;
  /** The result's amounts, in the order of PlanOutcome.amountKeys ("" when absent): compact to send. */
  amounts: string[];
}

/** The rows of the plan (kept in the worker) with the names of their amounts. */
export interface PlanRows {
  rows: PlanRow[];
  amountKeys: string[];
}

export interface PlanOutcome {
  date: string;
  currency: PlanResult["currency"];
  /** Result rows in all (one per employee and aid); the table asks for them a page at a time. */
  rowCount: number;
  /** The first page, in file order. */
  page: TablePage;
  totals: Totals;
  counts: Counts;
  proposesCRP: boolean;
  employees: number;
  ms: number;
}

/** The same plan under the employer's other choice (the CRP offered or not), for the comparison. */
export interface PlanAlternative {
  proposesCRP: boolean;
  totals: Totals;
  counts: Counts;
}

export const STATUSES = ["eligible", "ineligible", "undetermined", "no_law", "invalid"] as const;
export type SortKey = "n" | "id" | "aid" | "status" | "employer" | "state" | "employee";
export interface TableQuery {
  /** A status, or "" for all. */
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
  /** Rows that pass the filter. */
  matched: number;
}

/** What the page asks the worker. */
export type PlanCommand = { type: "run"; req: PlanRequest } | { type: "view"; query: TableQuery } | { type: "export"; query: TableQuery };

export type PlanMessage =
  | { type: "view"; page: TablePage }
  | { type: "csv"; text: string }
  | { type: "progress"; done: number; total: number }
  | { type: "done"; outcome: PlanOutcome }
  | { type: "alternative"; alternative: PlanAlternative }
  | { type: "error"; message: string; issues: ErrorIssue[] };

const MONEY = new Set<SortKey>(["employer", "state", "employee"]);

/** The rows that pass the filter, sorted (ties in file order). */
export function selectRows(rows: PlanRow[], q: Pick<TableQuery, "filter" | "sort" | "dir">): PlanRow[] {
  const { sort: key, dir } = q;
  const out = q.filter ? rows.filter((r) => r.status === q.filter) : rows.slice();
  if (key === "n") return dir === 1 ? out : out.reverse();
  // Money compared as decimals (an empty cell counts as nothing owed).
  const cmp = MONEY.has(key)
    ? (a: PlanRow, b: PlanRow) => new Decimal(a[key] || "0").cmp(b[key] || "0")
    : (a: PlanRow, b: PlanRow) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
  return out.sort((a, b) => dir * cmp(a, b) || a.n - b.n);
}

export function pageOf(data: PlanRows, query: TableQuery): TablePage {
  const sel = selectRows(data.rows, query);
  return { query, rows: sel.slice(query.page * query.pageSize, (query.page + 1) * query.pageSize), matched: sel.length };
}

/** The results as CSV for a spreadsheet: the rows shown (filter and order), costs, then every amount. */
export function resultsCsv(data: PlanRows, query: TableQuery): string {
  const header = ["id", "aid", "status", "note", "employerCost", "stateCost", "employeeAllocations", ...data.amountKeys];
  const body = selectRows(data.rows, query).map((r) => [r.id, r.aid, r.status, r.note, r.employer, r.state, r.employee, ...r.amounts]);
  return stringify([header, ...body]);
}

function rowsOf(result: PlanResult, lang: Lang): PlanRows {
  const rows: PlanRow[] = [];
  const keys = new Map<string, number>();
  const pending: Array<Record<string, string | number | boolean>> = [];
  result.employees.forEach((e, i) => {
    if ("error" in e) {
      const note = e.error.issues.map((x) => `${x.path.replace(/^employees\.\d+\./, "")} : ${issueMessage(lang, x.message)}`).join(" ; ");
      rows.push({ n: i + 1, id: e.id, aid: "", status: "invalid", employer: "", state: "", employee: "", note, amounts: [] });
      pending.push({});
      return;
    }
    for (const r of e.results) {
      for (const k in r.amounts) if (!keys.has(k)) keys.set(k, keys.size);
      rows.push({
        n: i + 1,
        id: e.id,
        aid: r.aid,
        status: r.status,
        employer: r.costs?.employer ?? "",
        state: r.costs?.state ?? "",
        employee: r.costs?.employee ?? "",
        note: r.missing.length ? `${tr(lang, "missing")} : ${r.missing.join(", ")}` : "",
        amounts: [],
      });
      pending.push(r.amounts);
    }
  });
  const amountKeys = [...keys.keys()];
  rows.forEach((row, i) => {
    const a = pending[i]!;
    row.amounts = amountKeys.map((k) => (a[k] === undefined ? "" : String(a[k])));
  });
  return { rows, amountKeys };
}

/**
 * Parse and evaluate; post the plan as entered as soon as it is done (the totals the employer waits for),
 * then the same plan under the other choice about the CRP (the comparison).
 */
export function runPlanCsv(req: PlanRequest, post: (m: PlanMessage) => void, now: () => number = () => performance.now()): PlanRows | undefined {
  const t0 = now();
  try {
    const records = parse(req.csv, { columns: (h: string[]) => h.map((x) => x.trim()), skip_empty_lines: true, bom: true }) as Array<Record<string, string>>;
    post({ type: "progress", done: 0, total: records.length });
    const plan = { ...planFromCsvRows(records, { date: req.date, headcount: req.headcount, proposesCRP: req.proposesCRP }), lang: req.lang };
    const result = evaluatePlan(plan, { onProgress: (done, total) => post({ type: "progress", done, total }) });
    const data = rowsOf(result, req.lang);
    post({
      type: "done",
      outcome: {
        date: result.date,
        currency: result.currency,
        rowCount: data.rows.length,
        page: pageOf(data, firstPage),
        totals: result.totals,
        counts: result.counts,
        proposesCRP: req.proposesCRP,
        employees: result.employees.length,
        ms: Math.round(now() - t0),
      },
    });
    const other = evaluatePlan({ ...plan, employer: { ...plan.employer, proposesCRP: !req.proposesCRP } });
    post({ type: "alternative", alternative: { proposesCRP: !req.proposesCRP, totals: other.totals, counts: other.counts } });
    return data;
  } catch (e) {
    if (e instanceof InputError) post({ type: "error", message: e.message, issues: e.issues });
    else post({ type: "error", message: e instanceof Error ? e.message : String(e), issues: [] });
    return undefined;
  }
}
