/**
 * The employer's layoff-plan simulator: a plan file in (CSV as Excel writes it, or xlsx; dropped or picked),
 * evaluated in a Web Worker with a progress bar, then the totals, the comparison "offer the CRP or not", the
 * sortable, filterable table with each row's reason, each row's full Result on demand, and the exports.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent, type ReactNode } from "react";
import Decimal from "decimal.js";
import { getArticle, listAids } from "@fne/engine";
import type { AidDescription, Citation, Counts, EmployeeResult, ErrorIssue, Totals } from "@fne/schema";
import { ArticlePanel } from "./ArticlePanel.tsx";
import { engineNames } from "./CaseCalculator.tsx";
import { formatDate } from "./dates.ts";
import { fill, issueMessage, pick, tr, type Key, type Lang } from "./i18n.ts";
import { formatMoney } from "./money.ts";
import {
  planIssueLabel,
  STATUSES,
  type ExportFormat,
  type PlanAlternative,
  type PlanCommand,
  type PlanMessage,
  type PlanOutcome,
  type PlanRequest,
  type SortKey,
  type TablePage,
  type TableQuery,
} from "./plan-run.ts";
import { ResultView, StatusBadge } from "./ResultView.tsx";
import { samplePlanCsv, samplePlanOptions } from "./sample-plan.ts";
import { CostChart } from "./CostChart.tsx";
import { SavePlanForm } from "./SavePlanForm.tsx";
import type { SavablePlan } from "./saved-plans-api.ts";

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


export function PlanSimulator({ lang, createWorker = defaultWorker }: PlanSimulatorProps) {
  const uid = useId();
  const aids = useMemo(() => listAids(), []);
  const [date, setDate] = useState<string>(samplePlanOptions.date);
  const [headcount, setHeadcount] = useState<string>(String(samplePlanOptions.headcount));
  const [proposesCRP, setProposesCRP] = useState<boolean>(samplePlanOptions.proposesCRP);
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [detail, setDetail] = useState<{ n: number; employee: EmployeeResult } | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [alternative, setAlternative] = useState<PlanAlternative | null>(null);
  const [page, setPage] = useState<TablePage | null>(null);
  const [dragging, setDragging] = useState(false);
  // A worker started at once (it compiles the rules while the user picks a file) and kept between runs;
  // a run superseded before it ends (new file, new options) ends with its worker.
  const worker = useRef<{ w: Worker; busy: boolean } | null>(null);
  const idle = () => {
    if (!worker.current) worker.current = { w: createWorker(), busy: false };
    return worker.current;
  };
  // "Save this plan" asks the worker for the plan it ran, as a JSON Plan.
  const planWanted = useRef<Array<(s: SavablePlan) => void>>([]);
  const getPlan = useCallback(
    () =>
      new Promise<SavablePlan>((resolve) => {
        planWanted.current.push(resolve);
        worker.current?.w.postMessage({ type: "plan" } satisfies PlanCommand);
      }),
    [],
  );
  useEffect(() => {
    idle();
    return () => {
      worker.current?.w.terminate();
      worker.current = null;
    };
  }, [createWorker]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!file) return;
    const hc = headcount.trim() === "" ? Number.NaN : Number(headcount);
    // The worker gets its own copy of the bytes: the file stays here for a new run with other settings.
    const req: PlanRequest = { bytes: file.bytes.slice(), date, headcount: Number.isInteger(hc) ? hc : -1, proposesCRP, lang };
    const run = idle();
    run.busy = true;
    setState({ kind: "running", done: 0, total: 0 });
    setAlternative(null);
    setDetail(null);
    run.w.onmessage = (e: MessageEvent<PlanMessage>) => {
      const m = e.data;
      if (m.type === "progress") setState({ kind: "running", done: m.done, total: m.total });
      else if (m.type === "done") {
        setState({ kind: "done", outcome: m.outcome });
        setPage(m.outcome.page);
      } else if (m.type === "view") setPage(m.page);
      else if (m.type === "file") download(m.bytes, m.name, m.mime);
      else if (m.type === "detail") setDetail({ n: m.n, employee: m.employee });
      else if (m.type === "plan") planWanted.current.splice(0).forEach((give) => give(m.saved));
      else if (m.type === "alternative") {
        setAlternative(m.alternative);
        run.busy = false;
      } else {
        setState({ kind: "error", message: m.message, issues: m.issues });
        run.busy = false;
      }
    };
    run.w.onerror = (e) => {
      setState({ kind: "error", message: e.message, issues: [] });
      run.busy = false;
    };
    run.w.postMessage({ type: "run", req } satisfies PlanCommand);
    return () => {
      if (!run.busy) return;
      run.w.terminate();
      if (worker.current === run) worker.current = null;
    };
  }, [file, date, headcount, proposesCRP, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  const readFile = async (f: File | undefined) => {
    if (f) setFile({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
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
        <div className="fne-field fr-input-group">
          <label htmlFor={`${uid}-date`}>{tr(lang, "date")}</label>
          <input className="fr-input" id={`${uid}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="fne-field fr-input-group">
          <label htmlFor={`${uid}-hc`}>{tr(lang, "headcount")}</label>
          <input className="fr-input" id={`${uid}-hc`} type="text" inputMode="numeric" value={headcount} onChange={(e) => setHeadcount(e.target.value)} />
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
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
        <div className="fne-alert fr-alert fr-alert--error fr-alert--sm" role="alert">
          <p>
            {tr(lang, "planError")} {state.issues.length === 0 && state.message}
          </p>
          {state.issues.length > 0 && (
            <ul>
              {state.issues.map((i, k) => (
                <li key={k}>
                  {planIssueLabel(i.path, aids, lang)}
                  {lang === "fr" ? "\u00a0: " : ": "}
                  {issueMessage(lang, i.message)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.kind === "done" && <SavePlanForm lang={lang} getPlan={getPlan} defaultName={file?.name.replace(/\.[^.]+$/, "") ?? ""} />}
      {state.kind === "done" && page && (
        <PlanOutcomeView outcome={state.outcome} alternative={alternative} page={page} ask={(c) => worker.current?.w.postMessage(c)} lang={lang} aids={aids} />
      )}
      {state.kind === "done" && detail && <RowDetail detail={detail} date={state.outcome.date} lang={lang} aids={aids} onClose={() => setDetail(null)} />}
    </div>
  );
}

/** Save a results file the worker made. */
function download(bytes: Uint8Array, name: string, mime: string) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

/** One row's full Result(s): conditions with their citations (the article opens beside), amounts, the working. */
export function RowDetail({ detail, date, lang, aids, onClose }: { detail: { n: number; employee: EmployeeResult }; date: string; lang: Lang; aids: AidDescription[]; onClose: () => void }) {
  const [cited, setCited] = useState<Citation | null>(null);
  const e = detail.employee;
  const byId = new Map(aids.map((a) => [a.id, a]));
  return (
    <section className="fne-plan-detail" aria-label={`${tr(lang, "employeeId")} ${e.id}`} data-testid="plan-detail">
      <header className="fne-result-head">
        <h3>
          {tr(lang, "employeeId")} {e.id}
          {"line" in e && e.line !== undefined ? ` — ${tr(lang, "line")} ${e.line}` : ""}
        </h3>
        <button type="button" className="fne-button fr-btn fr-btn--secondary" onClick={onClose}>
          {tr(lang, "close")}
        </button>
      </header>
      {"error" in e ? (
        <ul className="fne-alert fr-alert fr-alert--error fr-alert--sm">
          {e.error.issues.map((i, k) => (
            <li key={k}>
              {planIssueLabel(i.path, aids, lang)}
              {lang === "fr" ? "\u00a0: " : ": "}
              {issueMessage(lang, i.message)}
            </li>
          ))}
        </ul>
      ) : (
        e.results.map((r) => (
          <div key={r.aid}>
            {r.costs && <CostBreakdown costs={r.costs} noticePay={r.details?.noticePay} currency={r.currency} lang={lang} />}
            <ResultView result={r} aid={byId.get(r.aid)} aids={aids} lang={lang} onCite={(c) => setCited(c)} level={3} names={engineNames} />
          </div>
        ))
      )}
      {cited && <ArticlePanel citation={cited} caseDate={date} lang={lang} getArticle={getArticle} onClose={() => setCited(null)} />}
    </section>
  );
}

/** The employer's cost of one person as one figure, with what it includes (so that no second "total" competes). */
function CostBreakdown({ costs, noticePay, currency, lang }: { costs: { employer: string }; noticePay: unknown; currency: PlanOutcome["currency"]; lang: Lang }) {
  const money = (v: string) => formatMoney(v, currency, lang);
  const notice = typeof noticePay === "string" && noticePay !== "0.00" ? noticePay : undefined;
  return (
    <p className="fne-help" data-testid="cost-breakdown">
      <strong>
        {tr(lang, "employerCost")} : {money(costs.employer)}
      </strong>
      {notice &&
        ` = ${tr(lang, "costCrpSums")} ${money(new Decimal(costs.employer).minus(notice).toFixed(2))} (${lang === "fr" ? `«\u00a0${tr(lang, "crpSums")}\u00a0»` : `“${tr(lang, "crpSums")}”`}) + ${tr(lang, "costNoticePaid")} ${money(notice)}`}
    </p>
  );
}

type Ask = (c: PlanCommand) => void;

function PlanOutcomeView({
  outcome: o,
  alternative,
  page,
  ask,
  lang,
  aids,
}: {
  outcome: PlanOutcome;
  alternative: PlanAlternative | null;
  page: TablePage;
  ask: Ask;
  lang: Lang;
  aids: AidDescription[];
}) {
  return (
    <section className="fne-plan-outcome" aria-label={tr(lang, "results")}>
      <h3>{tr(lang, "totals")}</h3>
      <p className="fne-help">
        {fill(lang, "employeesCount", { n: o.employees.toLocaleString(lang) })} — {formatDate(o.date, lang)} — {tr(lang, o.proposesCRP ? "withCRP" : "withoutCRP")} —{" "}
        {tr(lang, "duration")} {o.ms} ms
      </p>
      <TotalsAndCounts totals={o.totals} counts={o.counts} currency={o.currency} lang={lang} />
      <h3>{tr(lang, "scenarios")}</h3>
      {alternative ? <Comparison outcome={o} alternative={alternative} lang={lang} /> : <p role="status">{tr(lang, "computing")}</p>}
      <ResultsTable page={page} ask={ask} lang={lang} currency={o.currency} aids={aids} />
      <ul className="fne-help" data-testid="cost-notes">
        {(["planNote1", "planNote2", "planNote3"] as const).map((n) => (
          <li key={n}>{tr(lang, n)}</li>
        ))}
      </ul>
    </section>
  );
}

export const TOTALS = ["employerCost", "stateCost", "employeeAllocations"] as const;

/** A plan's three totals as cards, and its rows by status (the simulator's, and a saved plan's). */
export function TotalsAndCounts({ totals, counts, currency, lang }: { totals: Totals; counts: Counts; currency: PlanOutcome["currency"]; lang: Lang }) {
  return (
    <>
      <dl className="fne-cards" data-testid="plan-totals">
        {TOTALS.map((k) => (
          <div className="fne-card" key={k}>
            <dt>{tr(lang, k)}</dt>
            <dd data-total={k}>{formatMoney(totals[k], currency, lang)}</dd>
          </div>
        ))}
      </dl>
      <ul className="fne-counts" aria-label={tr(lang, "counts")}>
        {STATUSES.map((s) => (
          <li key={s} data-count={s}>
            <StatusBadge status={s} lang={lang} /> <strong>{counts[s].toLocaleString(lang)}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The plan with and without the CRP offer, and what not offering it costs more (L321-4-2: the penalty). */
function Comparison({ outcome: o, alternative, lang }: { outcome: PlanOutcome; alternative: PlanAlternative; lang: Lang }) {
  const mine = { totals: o.totals };
  const withCRP = o.proposesCRP ? mine : alternative;
  const withoutCRP = o.proposesCRP ? alternative : mine;
  const money = (v: string) => formatMoney(v, o.currency, lang);
  const diff = (k: (typeof TOTALS)[number]) => new Decimal(withoutCRP.totals[k]).minus(withCRP.totals[k]).toFixed(2, Decimal.ROUND_HALF_UP);
  return (
    <>
      <table className="fne-compare" data-testid="plan-compare">
        <thead>
          <tr>
            <td></td>
            <th scope="col">{tr(lang, "withCRP")}</th>
            <th scope="col">{tr(lang, "withoutCRP")}</th>
            <th scope="col">{tr(lang, "difference")}</th>
          </tr>
        </thead>
        <tbody>
          {TOTALS.map((k) => (
            <tr key={k}>
              <th scope="row">{tr(lang, k)}</th>
              <td>{money(withCRP.totals[k])}</td>
              <td>{money(withoutCRP.totals[k])}</td>
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
          { label: tr(lang, "withCRP"), totals: withCRP.totals },
          { label: tr(lang, "withoutCRP"), totals: withoutCRP.totals },
        ]}
      />
    </>
  );
}

/** One page of the rows the worker holds; sorting, filtering and paging are asked of it. */
function ResultsTable({ page, ask, lang, currency, aids }: { page: TablePage; ask: Ask; lang: Lang; currency: PlanOutcome["currency"]; aids: AidDescription[] }) {
  const uid = useId();
  const q = page.query;
  const view = (change: Partial<TableQuery>) => ask({ type: "view", query: { ...q, page: 0, ...change } });
  const pages = Math.max(1, Math.ceil(page.matched / q.pageSize));
  const exportAs = (format: ExportFormat) => ask({ type: "export", format });

  const col = (key: SortKey, label: Key | string, num = false) => (
    <th scope="col" className={num ? "fne-num" : undefined} aria-sort={q.sort === key ? (q.dir === 1 ? "ascending" : "descending") : "none"}>
      <button type="button" className="fne-sort" onClick={() => view({ sort: key, dir: q.sort === key ? ((-q.dir) as 1 | -1) : 1 })}>
        {label}
        {q.sort === key ? (q.dir === 1 ? " ▲" : " ▼") : ""}
      </button>
    </th>
  );

  return (
    <section>
      <h3>{tr(lang, "results")}</h3>
      <div className="fne-toolbar fne-noprint">
        <div className="fne-field fr-input-group">
          <label htmlFor={`${uid}-filter`}>{tr(lang, "filterStatus")}</label>
          <select className="fr-select" id={`${uid}-filter`} value={q.filter} onChange={(e) => view({ filter: e.target.value })}>
            <option value="">{tr(lang, "all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {tr(lang, s)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="fne-button fr-btn fr-btn--secondary" onClick={() => exportAs("csv")}>
          {tr(lang, "exportCsv")}
        </button>
        <button type="button" className="fne-button fr-btn fr-btn--secondary" onClick={() => exportAs("xlsx")}>
          {tr(lang, "exportXlsx")}
        </button>
        <button type="button" className="fne-button fr-btn fr-btn--secondary" onClick={() => exportAs("json")}>
          {tr(lang, "exportJson")}
        </button>
      </div>
      {/* The design system's table (its own horizontal scroll), in the web app. */}
      <div className="fne-table-wrap fr-table fr-table--no-caption">
        <div className="fr-table__wrapper">
          <div className="fr-table__container">
            <div className="fr-table__content">
                <table className="fne-plan-table" data-testid="plan-table">
                  <thead>
                    <tr>
                      {col("n", "#", true)}
                      <th scope="col">{tr(lang, "line")}</th>
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
                    {page.rows.map((r) => (
                      <tr key={`${r.n}-${r.aid}`}>
                        <td className="fne-num">{r.n}</td>
                        <td className="fne-num">{r.line ?? ""}</td>
                        <td>
                          <button type="button" className="fne-link" onClick={() => ask({ type: "detail", n: r.n })} aria-label={`${tr(lang, "openRow")} ${r.id}`}>
                            {r.id}
                          </button>
                        </td>
                        <td>{pick(lang, aids.find((a) => a.id === r.aid)?.title) || r.aid}</td>
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
          </div>
        </div>
      </div>
      <Pager lang={lang} page={q.page} pages={pages} onPage={(n) => view({ page: n })}>
        {" "}— {page.matched.toLocaleString(lang)} {tr(lang, "rowsShown")}
      </Pager>
    </section>
  );
}

/** "Précédente · Page 2 / 9 · Suivante" under a table of many rows (what follows the page count: `children`). */
export function Pager({ lang, page, pages, onPage, children }: { lang: Lang; page: number; pages: number; onPage: (n: number) => void; children?: ReactNode }) {
  return (
    <nav className="fne-actions fne-noprint" aria-label={tr(lang, "page")}>
      <button type="button" className="fne-button fr-btn fr-btn--secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {tr(lang, "previous")}
      </button>
      <span>
        {tr(lang, "page")} {page + 1} / {pages}
        {children}
      </span>
      <button type="button" className="fne-button fr-btn fr-btn--secondary" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        {tr(lang, "next")}
      </button>
    </nav>
  );
}
