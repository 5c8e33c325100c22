/**
 * An employer's saved plans (README "Accounts and roles": an employer saves, reopens and deletes; an auditor
 * reopens): "save this plan" in the simulator once it has results, the organisation's list, and a saved plan
 * reopened with its totals, its scenarios and each employee's results, as the API kept them. Like the dossier
 * screens, it needs the API on the page's own origin (the session cookie).
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { getRuntime, listAids } from "@fne/engine";
import { reasonText } from "@fne/planfile";
import { can, type EmployeeResult, type Result, type Status, type Role, type SavedPlan, type SavedPlanSummary, type Totals } from "@fne/schema";
import { CostChart } from "./CostChart.tsx";
import { formatDate, formatDateTime } from "./dates.ts";
import { ApiError } from "./dossier-api.ts";
import { SignedInBar, SignIn, useSessionPhase } from "./DossierDesk.tsx";
import { dt } from "./dossier-text.ts";
import { issueMessage, tr, type Lang } from "./i18n.ts";
import { formatMoney } from "./money.ts";
import { Pager, RowDetail, TOTALS, TotalsAndCounts } from "./PlanSimulator.tsx";
import { StatusBadge } from "./ResultView.tsx";
import { failure, savedPlansClient, type SavedPlansClient } from "./saved-plans-api.ts";
import { STATUSES } from "./plan-run.ts";


// ---- the saved plans' tab --------------------------------------------------------------------------------------

export interface SavedPlansProps {
  lang: Lang;
  /** The saved plan open (its id, from the page's URL), or none for the list. */
  planId?: string | undefined;
  /** Open a saved plan (its id) or go back to the list (undefined). */
  onOpen: (id: string | undefined) => void;
  client?: SavedPlansClient;
}

export function SavedPlans({ lang, planId, onOpen, client: given }: SavedPlansProps) {
  const client = useMemo(() => given ?? savedPlansClient(), [given]);
  const [phase, setPhase] = useSessionPhase(client);
  const onSignedOut = useCallback(() => setPhase({ kind: "signedOut" }), []);

  if (phase.kind === "loading") return <p role="status">{dt(lang, "loading")}</p>;
  if (phase.kind === "noApi") return <p className="fne-alert">{dt(lang, "noApi")}</p>;
  if (phase.kind === "signedOut") return <SignIn lang={lang} client={client} idPrefix="fne-plans-token" onSignedIn={(session) => setPhase({ kind: "signedIn", session })} />;
  const { session } = phase;
  return (
    <div className="fne-saved-plans">
      <SignedInBar lang={lang} session={session} onSignOut={() => void client.signOut().finally(onSignedOut)} />
      {!can(session.role, "readPlans") ? (
        <p className="fne-alert">{tr(lang, "plansNotAllowed")}</p>
      ) : planId ? (
        <SavedPlanView key={planId} lang={lang} client={client} id={planId} role={session.role} onBack={() => onOpen(undefined)} onSignedOut={onSignedOut} />
      ) : (
        <SavedPlanList lang={lang} client={client} onOpen={onOpen} onSignedOut={onSignedOut} />
      )}
    </div>
  );
}

/** A 401 on the way (session expired, token revoked): back to the sign-in form; anything else is said. */
function useFail(lang: Lang, onSignedOut: () => void) {
  const [problem, setProblem] = useState<string>();
  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) onSignedOut();
      else setProblem(e instanceof ApiError && e.status === 404 ? tr(lang, "planNotFound") : `${dt(lang, "failed")} ${failure(e)}`);
    },
    [lang, onSignedOut],
  );
  return [problem, fail] as const;
}

function SavedPlanList({ lang, client, onOpen, onSignedOut }: { lang: Lang; client: SavedPlansClient; onOpen: (id: string) => void; onSignedOut: () => void }) {
  const [plans, setPlans] = useState<SavedPlanSummary[]>();
  const [problem, fail] = useFail(lang, onSignedOut);
  useEffect(() => {
    let live = true;
    client.list().then((p) => live && setPlans(p), (e: unknown) => live && fail(e));
    return () => {
      live = false;
    };
  }, [client, fail]);
  return (
    <section aria-label={tr(lang, "savedPlans")}>
      <h2>{tr(lang, "savedPlans")}</h2>
      {problem && <p className="fne-alert">{problem}</p>}
      {!plans ? (
        !problem && <p role="status">{dt(lang, "loading")}</p>
      ) : plans.length === 0 ? (
        <p>{tr(lang, "noSavedPlans")}</p>
      ) : (
        <table className="fne-table fne-saved-plan-table">
          <thead>
            <tr>
              <th scope="col">{tr(lang, "planName")}</th>
              <th scope="col">{tr(lang, "savedOn")}</th>
              <th scope="col" className="fne-num">
                {tr(lang, "employees")}
              </th>
              <th scope="col">{tr(lang, "counts")}</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id}>
                <td>
                  <button type="button" className="fne-link" onClick={() => onOpen(p.id)}>
                    {p.name}
                  </button>
                </td>
                <td>{formatDateTime(p.createdAt, lang)}</td>
                <td className="fne-num">{p.employees.toLocaleString(lang)}</td>
                <td>
                  {STATUSES.filter((s) => p.counts[s] > 0)
                    .map((s) => `${tr(lang, s)} ${p.counts[s].toLocaleString(lang)}`)
                    .join(" · ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A file name from what the employer typed: letters, digits and dashes. */
const fileName = (name: string) => `plan-${name.normalize("NFD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "enregistre"}.json`;

function SavedPlanView({ lang, client, id, role, onBack, onSignedOut }: { lang: Lang; client: SavedPlansClient; id: string; role: Role; onBack: () => void; onSignedOut: () => void }) {
  const [saved, setSaved] = useState<SavedPlan>();
  const [problem, fail] = useFail(lang, onSignedOut);
  useEffect(() => {
    let live = true;
    client.get(id).then((p) => live && setSaved(p), (e: unknown) => live && fail(e));
    return () => {
      live = false;
    };
  }, [client, id, fail]);

  const back = (
    <button type="button" className="fne-button" onClick={onBack}>
      {tr(lang, "backToPlans")}
    </button>
  );
  if (problem) {
    return (
      <section>
        {back}
        <p className="fne-alert">{problem}</p>
      </section>
    );
  }
  if (!saved) return <p role="status">{dt(lang, "loading")}</p>;
  const r = saved.result;
  const employer = saved.plan.employer as { headcount?: number; proposesCRP?: boolean } | undefined;
  return (
    <section className="fne-saved-plan" aria-label={saved.name}>
      <div className="fne-dossier-head">
        <h2>{saved.name}</h2>
        <div className="fne-actions fne-noprint">
          {back}
          <a className="fne-button" href={`v1/saved-plans/${encodeURIComponent(id)}`} download={fileName(saved.name)}>
            {tr(lang, "exportPlan")}
          </a>
          {can(role, "erasePlan") && (
            <button
              type="button"
              className="fne-button fne-danger"
              onClick={() => {
                if (window.confirm(tr(lang, "erasePlanConfirm"))) client.erase(id).then(onBack, fail);
              }}
            >
              {tr(lang, "erasePlan")}
            </button>
          )}
        </div>
      </div>
      <p className="fne-help">
        {tr(lang, "savedOn")} {formatDateTime(saved.createdAt, lang)} · {tr(lang, "date")} : {formatDate(r.date, lang)}
        {employer?.headcount !== undefined ? ` · ${tr(lang, "headcount")} : ${employer.headcount.toLocaleString(lang)}` : ""}
        {employer?.proposesCRP !== undefined ? ` · ${tr(lang, employer.proposesCRP ? "withCRP" : "withoutCRP")}` : ""} · {dt(lang, "rulesVersion")} {saved.rulesVersion}
      </p>
      <h3>{tr(lang, "totals")}</h3>
      <TotalsAndCounts totals={r.totals} counts={r.counts} currency={r.currency} lang={lang} />
      {r.scenarios && r.scenarios.length > 0 && <Scenarios lang={lang} totals={r.totals} scenarios={r.scenarios} currency={r.currency} />}
      <EmployeeTable lang={lang} employees={r.employees} currency={r.currency} date={r.date} />
    </section>
  );
}

type ScenarioTotals = NonNullable<SavedPlan["result"]["scenarios"]>;

/** The plan as entered beside each of its scenarios, with the difference the API computed (scenario − plan). */
function Scenarios({ lang, totals, scenarios, currency }: { lang: Lang; totals: Totals; scenarios: ScenarioTotals; currency: SavedPlan["result"]["currency"] }) {
  const money = (v: string) => formatMoney(v, currency, lang);
  return (
    <>
      <h3>{tr(lang, "scenarios")}</h3>
      <table className="fne-compare" data-testid="saved-plan-scenarios">
        <thead>
          <tr>
            <td></td>
            <th scope="col">{tr(lang, "planAsEntered")}</th>
            {scenarios.map((s) => (
              <th scope="col" key={s.name}>
                {s.name}
              </th>
            ))}
            {scenarios.map((s) => (
              <th scope="col" key={`d-${s.name}`}>
                {tr(lang, "difference")}
                {scenarios.length > 1 ? ` (${s.name})` : ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TOTALS.map((k) => (
            <tr key={k}>
              <th scope="row">{tr(lang, k)}</th>
              <td>{money(totals[k])}</td>
              {scenarios.map((s, i) => (
                <td key={s.name} data-scenario={i} data-total={k}>
                  {money(s.totals[k])}
                </td>
              ))}
              {scenarios.map((s, i) => (
                <td key={`d-${s.name}`} data-diff={k} data-scenario={i}>
                  {money(s.difference[k])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="fne-help">{tr(lang, "scenarioDifference")}</p>
      <CostChart lang={lang} currency={currency} series={[{ label: tr(lang, "planAsEntered"), totals }, ...scenarios.map((s) => ({ label: s.name, totals: s.totals }))]} />
    </>
  );
}

const PAGE = 50;

interface Line {
  /** The employee's position in the plan. */
  n: number;
  id: string;
  aid: string;
  status: Status | "invalid";
  costs: Result["costs"];
  note: string;
}

/** One line an employee and aid (one for a row in error), paged; an employee's full Results on demand. */
function EmployeeTable({ lang, employees, currency, date }: { lang: Lang; employees: EmployeeResult[]; currency: SavedPlan["result"]["currency"]; date: string }) {
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<number>();
  const aids = useMemo(() => listAids(), []);
  const lines = useMemo(() => {
    const rt = getRuntime();
    return employees.flatMap((e, n): Line[] =>
        "error" in e
          ? [{ n, id: e.id, aid: "", status: "invalid", costs: undefined, note: e.error.issues.map((i) => `${i.path.replace(/^employees\.\d+\.?/, "")} : ${issueMessage(lang, i.message)}`).join(" ; ") }]
          : e.results.map((r) => ({ n, id: e.id, aid: r.aid, status: r.status, costs: r.costs, note: issueMessage(lang, reasonText(rt, r, lang)) })),
    );
  }, [employees, lang]);
  const pages = Math.max(1, Math.ceil(lines.length / PAGE));
  const cost = (v: string | undefined) => (v === undefined ? "" : formatMoney(v, currency, lang));
  return (
    <section>
      <h3>{tr(lang, "results")}</h3>
      <div className="fne-table-wrap">
        <table className="fne-plan-table" data-testid="saved-plan-table">
          <thead>
            <tr>
              <th scope="col">{tr(lang, "employeeId")}</th>
              <th scope="col">{tr(lang, "aid")}</th>
              <th scope="col">{tr(lang, "status")}</th>
              <th scope="col" className="fne-num">
                {tr(lang, "employerCost")}
              </th>
              <th scope="col" className="fne-num">
                {tr(lang, "stateCost")}
              </th>
              <th scope="col" className="fne-num">
                {tr(lang, "employeeAllocations")}
              </th>
              <th scope="col">{tr(lang, "note")}</th>
            </tr>
          </thead>
          <tbody>
            {lines.slice(page * PAGE, (page + 1) * PAGE).map((l) => (
              <tr key={`${l.n}-${l.aid}`}>
                <td>
                  <button type="button" className="fne-link" onClick={() => setOpen(l.n)} aria-label={`${tr(lang, "openRow")} ${l.id}`}>
                    {l.id}
                  </button>
                </td>
                <td>{l.aid}</td>
                <td>
                  <StatusBadge status={l.status} lang={lang} />
                </td>
                <td className="fne-num">{cost(l.costs?.employer)}</td>
                <td className="fne-num">{cost(l.costs?.state)}</td>
                <td className="fne-num">{cost(l.costs?.employee)}</td>
                <td className="fne-wrap">{l.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <Pager lang={lang} page={page} pages={pages} onPage={setPage} />
      )}
      {open !== undefined && <RowDetail detail={{ n: open + 1, employee: employees[open]! }} date={date} lang={lang} aids={aids} onClose={() => setOpen(undefined)} />}
    </section>
  );
}
