/**
 * The employer's layoff-plan simulator: a CSV plan in (dropped or picked), evaluated in a Web Worker with a
 * progress bar, then the totals, the comparison "offer the CRP or not", and the sortable, filterable table.
 */
import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from "react";
import Decimal from "decimal.js";
import { stringify } from "csv-stringify/browser/esm/sync";
import type { ErrorIssue } from "@fne/schema";
import { tr, type Key, type Lang } from "./i18n.ts";
import { formatMoney } from "./money.ts";
import type { PlanMessage, PlanOutcome, PlanRequest, PlanRow } from "./plan-run.ts";
import { StatusBadge } from "./ResultView.tsx";
import { samplePlanCsv, samplePlanOptions } from "./sample-plan.ts";
import { CostChart } from "./CostChart.tsx";

export interface PlanSimulatorProps {
  lang: Lang;
  /** Start a worker that runs plan.worker.ts (the default); a host may bundle it its own way. */
  createWorker?: () => Worker;
}

const defaultWorker = () => new Worker(new URL("./plan.worker.ts", import.meta.url), { type: "module" });

type State =
  | { kind: "idle" }
  | { kind: "running"; done: number; total: number }
  | { kind: "done"; outcome: PlanOutcome }
  | { kind: "error"; message: string; issues: ErrorIssue[] };

const PAGE = 50;
const STATUSES = ["eligible", "ineligible", "undetermined", "no_law", "invalid"] as const;
type SortKey = "n" | "id" | "aid" | "status" | "employer" | "state" | "employee";
const MONEY_KEYS = new Set<SortKey>(["employer", "state", "employee"]);

export function PlanSimulator({ lang, createWorker = defaultWorker }: PlanSimulatorProps) {
  const uid = useId();
  const [date, setDate] = useState<string>(samplePlanOptions.date);
  const [headcount, setHeadcount] = useState<string>(String(samplePlanOptions.headcount));
  const [proposesCRP, setProposesCRP] = useState<boolean>(samplePlanOptions.proposesCRP);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);
  const worker = useRef<Worker | null>(null);

  // Each run gets its own worker; a new run (or leaving the page) ends the previous one.
  useEffect(() => {
    if (!file) return;
    const hc = Number(headcount);
    const req: PlanRequest = { csv: file.text, date, headcount: Number.isInteger(hc) && headcount.trim() !== "" ? hc : -1, proposesCRP, lang };
    const w = createWorker();
    worker.current = w;
    setState({ kind: "running", done: 0, total: 0 });
    w.onmessage = (e: MessageEvent<PlanMessage>) => {
      const m = e.data;
      if (m.type === "progress") setState({ kind: "running", done: m.done, total: m.total });
      else {
        setState(m.type === "done" ? { kind: "done", outcome: m.outcome } : { kind: "error", message: m.message, issues: m.issues });
        w.terminate();
      }
    };
    w.onerror = (e) => setState({ kind: "error", message: e.message, issues: [] });
    w.postMessage(req);
    return () => w.terminate();
  }, [file, date, headcount, proposesCRP, lang, createWorker]);

  const readFile = async (f: File | undefined) => {
    if (f) setFile({ name: f.name, text: await f.text() });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void readFile(e.dataTransfer.files[0]);
  };

  return (
    <div className="fne-plan">
      <h2>{tr(lang, "employer")}</h2>
      <p>{tr(lang, "planIntro")}</p>
      <div className="fne-toolbar fne-noprint">
        <div className="fne-field">
          <label htmlFor={`${uid}-date`}>{tr(lang, "date")}</label>
          <input id={`${uid}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="fne-field">
          <label htmlFor={`${uid}-hc`}>{tr(lang, "headcount")}</label>
          <input id={`${uid}-hc`} type="text" inputMode="numeric" value={headcount} onChange={(e) => setHeadcount(e.target.value)} />
        </div>
        <label className="fne-check">
          <input type="checkbox" checked={proposesCRP} onChange={(e) => setProposesCRP(e.target.checked)} />
          {tr(lang, "proposesCRP")}
        </label>
      </div>
      <div
        className={`fne-drop fne-noprint${dragging ? " fne-drop-active" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          {tr(lang, "dropHere")}{" "}
          <label htmlFor={`${uid}-file`} className="fne-link">
            {tr(lang, "chooseFile")}
          </label>
          <input
            id={`${uid}-file`}
            className="fne-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
        </p>
        {file && <p className="fne-help">{file.name}</p>}
        <p>
          <a className="fne-link" href={`data:text/csv;charset=utf-8,${encodeURIComponent(samplePlanCsv)}`} download="plan-exemple.csv">
            {tr(lang, "sample")}
          </a>
        </p>
      </div>

      {state.kind === "running" && (
        <div className="fne-running" role="status">
          <label htmlFor={`${uid}-progress`}>
            {tr(lang, "importing")} — {state.done.toLocaleString(lang)} / {state.total.toLocaleString(lang)} {tr(lang, "rowsDone")}
          </label>
          <progress id={`${uid}-progress`} className="fne-progress" max={state.total || 1} value={state.done} />
        </div>
      )}
      {state.kind === "error" && (
        <div className="fne-alert" role="alert">
          <p>
            {tr(lang, "planError")} {state.issues.length === 0 && state.message}
          </p>
          {state.issues.length > 0 && (
            <ul>
              {state.issues.map((i, k) => (
                <li key={k}>
                  {i.path} : {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.kind === "done" && <PlanOutcomeView outcome={state.outcome} lang={lang} />}
    </div>
  );
}

function PlanOutcomeView({ outcome: o, lang }: { outcome: PlanOutcome; lang: Lang }) {
  const asEntered = o.proposesCRP ? o.withCRP : o.withoutCRP;
  const money = (v: string) => formatMoney(v, o.currency, lang);
  const diff = (k: keyof PlanOutcome["withCRP"]["totals"]) =>
    new Decimal(o.withoutCRP.totals[k]).minus(o.withCRP.totals[k]).toFixed(2, Decimal.ROUND_HALF_UP);
  const keys = ["employerCost", "stateCost", "employeeAllocations"] as const;
  return (
    <section className="fne-plan-outcome" aria-label={tr(lang, "results")}>
      <h3>{tr(lang, "totals")}</h3>
      <p className="fne-help">
        {o.employees.toLocaleString(lang)} {lang === "fr" ? "salariés" : "employees"} — {o.date} — {tr(lang, "duration")} {o.ms} ms
      </p>
      <dl className="fne-cards" data-testid="plan-totals">
        {keys.map((k) => (
          <div className="fne-card" key={k}>
            <dt>{tr(lang, k)}</dt>
            <dd data-total={k}>{money(asEntered.totals[k])}</dd>
          </div>
        ))}
        <div className="fne-card">
          <dt>{tr(lang, "counts")}</dt>
          <dd className="fne-counts">
            {STATUSES.map((s) => (
              <span key={s} data-count={s}>
                <StatusBadge status={s} lang={lang} /> {asEntered.counts[s]}{" "}
              </span>
            ))}
          </dd>
        </div>
      </dl>

      <h3>{tr(lang, "scenarios")}</h3>
      <table className="fne-compare" data-testid="plan-compare">
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col">{tr(lang, "withCRP")}</th>
            <th scope="col">{tr(lang, "withoutCRP")}</th>
            <th scope="col">{tr(lang, "difference")}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <th scope="row">{tr(lang, k)}</th>
              <td>{money(o.withCRP.totals[k])}</td>
              <td>{money(o.withoutCRP.totals[k])}</td>
              <td data-diff={k}>{money(diff(k))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="fne-help">{tr(lang, "differenceExplained")}</p>
      <CostChart
        lang={lang}
        currency={o.currency}
        series={[
          { label: tr(lang, "withCRP"), totals: o.withCRP.totals },
          { label: tr(lang, "withoutCRP"), totals: o.withoutCRP.totals },
        ]}
      />
      <ResultsTable rows={o.rows} lang={lang} currency={o.currency} />
    </section>
  );
}

function ResultsTable({ rows, lang, currency }: { rows: PlanRow[]; lang: Lang; currency: PlanOutcome["currency"] }) {
  const uid = useId();
  const [filter, setFilter] = useState<string>("");
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "n", dir: 1 });
  const [page, setPage] = useState(0);
  const shown = useMemo(() => {
    const f = filter ? rows.filter((r) => r.status === filter) : rows.slice();
    const { key, dir } = sort;
    const cmp = MONEY_KEYS.has(key)
      ? (a: PlanRow, b: PlanRow) => new Decimal(a[key] || "0").cmp(b[key] || "0")
      : key === "n"
        ? (a: PlanRow, b: PlanRow) => a.n - b.n
        : (a: PlanRow, b: PlanRow) => String(a[key]).localeCompare(String(b[key]), lang, { numeric: true });
    return f.sort((a, b) => dir * cmp(a, b) || a.n - b.n);
  }, [rows, filter, sort, lang]);
  useEffect(() => setPage(0), [filter, sort, rows]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const slice = shown.slice(page * PAGE, page * PAGE + PAGE);
  const amountKeys = useMemo(() => [...new Set(rows.flatMap((r) => Object.keys(r.amounts)))], [rows]);

  const exportCsv = () => {
    const header = ["id", "aid", "status", "note", "employerCost", "stateCost", "employeeAllocations", ...amountKeys];
    const body = shown.map((r) => [r.id, r.aid, r.status, r.note, r.employer, r.state, r.employee, ...amountKeys.map((k) => (r.amounts[k] === undefined ? "" : String(r.amounts[k])))]);
    const blob = new Blob([stringify([header, ...body])], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "plan-resultats.csv";
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  };

  const col = (key: SortKey, label: Key | string, num = false) => (
    <th scope="col" className={num ? "fne-num" : undefined} aria-sort={sort.key === key ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
      <button type="button" className="fne-sort" onClick={() => setSort((s) => ({ key, dir: s.key === key ? ((-s.dir) as 1 | -1) : 1 }))}>
        {label}
        {sort.key === key ? (sort.dir === 1 ? " ▲" : " ▼") : ""}
      </button>
    </th>
  );

  return (
    <section>
      <h3>{tr(lang, "results")}</h3>
      <div className="fne-toolbar fne-noprint">
        <div className="fne-field">
          <label htmlFor={`${uid}-filter`}>{tr(lang, "filterStatus")}</label>
          <select id={`${uid}-filter`} value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="">{tr(lang, "all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {tr(lang, s)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="fne-button" onClick={exportCsv}>
          {tr(lang, "exportCsv")}
        </button>
      </div>
      <div className="fne-table-wrap">
        <table className="fne-plan-table" data-testid="plan-table">
          <thead>
            <tr>
              {col("n", "#", true)}
              {col("id", tr(lang, "employeeId"))}
              {col("aid", tr(lang, "aid"))}
              {col("status", tr(lang, "status"))}
              {col("employer", tr(lang, "employerCost"), true)}
              {col("state", tr(lang, "stateCost"), true)}
              {col("employee", tr(lang, "employeeAllocations"), true)}
              <th scope="col">{tr(lang, "note")}</th>
            </tr>
          </thead>
          <tbody>
            {slice.map((r) => (
              <tr key={`${r.n}-${r.aid}`}>
                <td className="fne-num">{r.n}</td>
                <td>{r.id}</td>
                <td>{r.aid}</td>
                <td>
                  <StatusBadge status={r.status} lang={lang} />
                </td>
                <td className="fne-num">{r.employer && formatMoney(r.employer, currency, lang)}</td>
                <td className="fne-num">{r.state && formatMoney(r.state, currency, lang)}</td>
                <td className="fne-num">{r.employee && formatMoney(r.employee, currency, lang)}</td>
                <td className="fne-wrap">{r.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="fne-actions fne-noprint" aria-label={tr(lang, "page")}>
        <button type="button" className="fne-button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
          {tr(lang, "previous")}
        </button>
        <span>
          {tr(lang, "page")} {page + 1} / {pages} — {shown.length.toLocaleString(lang)} {tr(lang, "rowsShown")}
        </span>
        <button type="button" className="fne-button" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
          {tr(lang, "next")}
        </button>
      </nav>
    </section>
  );
}
