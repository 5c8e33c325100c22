/**
 * A CSV layoff plan, read and evaluated (in a Web Worker, so that the page stays responsive): the rows for the
 * table, the totals, and the same plan under the other choice of the employer (offer the CRP or not).
 */
import { parse } from "csv-parse/browser/esm/sync";
import { evaluatePlan, InputError, planFromCsvRows } from "@fne/engine";
import type { Counts, ErrorIssue, PlanResult, Status, Totals } from "@fne/schema";
import { tr, type Lang } from "./i18n.ts";

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
  amounts: Record<string, string | number | boolean>;
}

export interface PlanOutcome {
  date: string;
  currency: PlanResult["currency"];
  rows: PlanRow[];
  /** Totals and counts with and without the CRP offer; `proposed` says which one is the plan as entered. */
  withCRP: { totals: Totals; counts: Counts };
  withoutCRP: { totals: Totals; counts: Counts };
  proposesCRP: boolean;
  employees: number;
  ms: number;
}

export type PlanMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; outcome: PlanOutcome }
  | { type: "error"; message: string; issues: ErrorIssue[] };

function rowsOf(result: PlanResult, lang: Lang): PlanRow[] {
  const rows: PlanRow[] = [];
  result.employees.forEach((e, i) => {
    if ("error" in e) {
      const note = e.error.issues.map((x) => `${x.path.replace(/^employees\.\d+\./, "")} : ${x.message}`).join(" ; ");
      rows.push({ n: i + 1, id: e.id, aid: "", status: "invalid", employer: "", state: "", employee: "", note, amounts: {} });
      return;
    }
    for (const r of e.results) {
      rows.push({
        n: i + 1,
        id: e.id,
        aid: r.aid,
        status: r.status,
        employer: r.costs?.employer ?? "",
        state: r.costs?.state ?? "",
        employee: r.costs?.employee ?? "",
        note: r.missing.length ? `${tr(lang, "missing")} : ${r.missing.join(", ")}` : "",
        amounts: r.amounts,
      });
    }
  });
  return rows;
}

export function runPlanCsv(req: PlanRequest, post: (m: PlanMessage) => void, now: () => number = () => performance.now()) {
  const t0 = now();
  try {
    const records = parse(req.csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Array<Record<string, string>>;
    post({ type: "progress", done: 0, total: records.length });
    const other = { name: tr(req.lang, req.proposesCRP ? "withoutCRP" : "withCRP"), employer: { proposesCRP: !req.proposesCRP } };
    const plan = { ...planFromCsvRows(records, { date: req.date, headcount: req.headcount, proposesCRP: req.proposesCRP, scenarios: [other] }), lang: req.lang };
    const result = evaluatePlan(plan, { onProgress: (done, total) => post({ type: "progress", done, total }) });
    const alt = result.scenarios![0]!;
    const asEntered = { totals: result.totals, counts: result.counts };
    const flipped = { totals: alt.totals, counts: alt.counts };
    post({
      type: "done",
      outcome: {
        date: result.date,
        currency: result.currency,
        rows: rowsOf(result, req.lang),
        withCRP: req.proposesCRP ? asEntered : flipped,
        withoutCRP: req.proposesCRP ? flipped : asEntered,
        proposesCRP: req.proposesCRP,
        employees: result.employees.length,
        ms: Math.round(now() - t0),
      },
    });
  } catch (e) {
    if (e instanceof InputError) post({ type: "error", message: e.message, issues: e.issues });
    else post({ type: "error", message: e instanceof Error ? e.message : String(e), issues: [] });
  }
}
