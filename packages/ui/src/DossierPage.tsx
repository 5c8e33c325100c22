/**
 * One dossier: its history of evaluations (who, when, under which rules), what changed between two of them,
 * "re-evaluate under today's rules", a new evaluation with the case form, the JSON export, erasure, and the
 * printed sheet (the latest evaluation in full and the history), audited as an export.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { getArticle, listAids, type AidDescription } from "@fne/engine";
import { can, type CaseInput, type Citation, type Dossier, type Evaluation, type Result, type Role } from "@fne/schema";
import { ArticlePanel } from "./ArticlePanel.tsx";
import { CaseCalculator, engineNames } from "./CaseCalculator.tsx";
import { DecisionSheet } from "./DecisionSheet.tsx";
import { usePrinting } from "./print.ts";
import { formatDate, formatDateTime } from "./dates.ts";
import { ApiError, type DossierClient } from "./dossier-api.ts";
import { diffEvaluations } from "./dossier-diff.ts";
import { dt, roleName } from "./dossier-text.ts";
import { caseFromDraft, factFields, type CaseDraft } from "./draft.ts";
import { pick, tr, type Lang } from "./i18n.ts";
import { ResultView, StatusBadge } from "./ResultView.tsx";

export interface DossierPageProps {
  lang: Lang;
  client: DossierClient;
  id: string;
  role: Role;
  /** Who is signed in (the token's label, "A. Martin"): the printed sheet adds the role; absent: a blank line. */
  actor?: string | undefined;
  onBack: () => void;
  onSignedOut: () => void;
}

const resultsOf = (e: Evaluation): Result[] => ("results" in e.result ? e.result.results : [e.result]);

/** The form's draft for a stored case (values as the form holds them: strings). */
function draftOf(c: Record<string, unknown>, lang: Lang): CaseDraft {
  const facts = Object.fromEntries(Object.entries((c.facts as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [k, String(v)]));
  return { date: typeof c.date === "string" ? c.date : "", aid: typeof c.aid === "string" ? c.aid : "", lang, facts };
}

export function DossierPage({ lang, client, id, role, actor, onBack, onSignedOut }: DossierPageProps) {
  const aids = useMemo(() => listAids(), []);
  const byId = useMemo(() => new Map(aids.map((a) => [a.id, a])), [aids]);
  const [dossier, setDossier] = useState<Dossier>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [cited, setCited] = useState<{ citation: Citation; trigger: HTMLElement; date: string } | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  const printing = usePrinting(rootRef);

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) onSignedOut();
      else setProblem(e instanceof Error ? e.message : String(e));
    },
    [onSignedOut],
  );
  const reload = useCallback(() => client.get(id).then(setDossier, fail), [client, id, fail]);
  useEffect(() => {
    void reload();
  }, [reload]);

  // The form computes in the page (as the calculator does); "save" stores the case in the dossier, where the
  // API evaluates it again: a case the caseworker is still trying out never enters the dossier.
  const [pending, setPending] = useState<CaseInput>();
  const onCompute = useCallback((d: CaseDraft) => setPending(caseFromDraft(d, factFields(aids, d.aid))), [aids]);

  if (!dossier) {
    return problem ? (
      <div>
        <p className="fne-alert fr-alert fr-alert--error fr-alert--sm" role="alert">
          {dt(lang, "failed")} {problem}
        </p>
        <button type="button" className="fne-button fr-btn fr-btn--secondary" onClick={onBack}>
          {dt(lang, "back")}
        </button>
      </div>
    ) : (
      <p role="status">{dt(lang, "loading")}</p>
    );
  }

  const latest = dossier.evaluations.at(-1);
  const latestCase = latest ? caseFromDraft(draftOf(latest.case, lang), factFields(aids, typeof latest.case.aid === "string" ? latest.case.aid : "")) : undefined;
  const unsaved = pending !== undefined && JSON.stringify(pending) !== JSON.stringify(latestCase);
  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(undefined);
    action()
      .catch(fail)
      .finally(() => setBusy(false));
  };
  const print = () =>
    run(async () => {
      // The sheet is printed from the exported dossier: what is printed is what the audit trail records as exported.
      setDossier(await client.sheet(id));
      requestAnimationFrame(printing.print);
    });
  const onCite = (date: string) => (citation: Citation, trigger: HTMLElement) => setCited({ citation, trigger, date });

  return (
    <article className="fne-dossier" aria-label={dossier.reference} ref={rootRef}>
      <header className="fne-dossier-head fne-noprint">
        <h2>{dossier.reference}</h2>
        {dossier.status && <StatusBadge status={dossier.status} lang={lang} />}
      </header>
      <DossierMeta dossier={dossier} lang={lang} className="fne-meta fne-noprint" />
      <div className="fne-actions fne-noprint">
        <button type="button" className="fne-button fr-btn fr-btn--secondary" onClick={onBack}>
          {dt(lang, "back")}
        </button>
        {latest && can(role, "evaluate") && (
          <button type="button" className="fne-button fne-primary fr-btn" disabled={busy} onClick={() => run(() => client.reevaluate(id, latest.id).then(reload))}>
            {dt(lang, "reevaluate")}
          </button>
        )}
        {can(role, "exportDossier") && (
          <>
            <button type="button" className="fne-button fr-btn fr-btn--secondary" disabled={busy} onClick={print}>
              {dt(lang, "print")}
            </button>
            <a className="fne-button fr-btn fr-btn--secondary" href={client.exportUrl(id)} download>
              {dt(lang, "exportJson")}
            </a>
          </>
        )}
        {can(role, "eraseDossier") && (
          <button
            type="button"
            className="fne-button fne-danger fr-btn fr-btn--tertiary"
            disabled={busy}
            onClick={() => {
              if (window.confirm(dt(lang, "eraseConfirm"))) run(() => client.erase(id).then(onBack));
            }}
          >
            {dt(lang, "erase")}
          </button>
        )}
      </div>
      {problem && (
        <p className="fne-alert fr-alert fr-alert--error fr-alert--sm fne-noprint" role="alert">
          {dt(lang, "failed")} {problem}
        </p>
      )}

      <History dossier={dossier} lang={lang} aids={aids} byId={byId} onCite={onCite} />
      {dossier.evaluations.length >= 2 && <Compare evaluations={dossier.evaluations} aids={aids} lang={lang} />}

      {can(role, "evaluate") && (
        <section className="fne-noprint fne-new-evaluation" aria-label={dt(lang, "newEvaluation")}>
          <h3>{dt(lang, "newEvaluation")}</h3>
          <CaseCalculator lang={lang} aids={aids} onCompute={onCompute} {...(latest ? { initial: draftOf(latest.case, lang) } : {})} />
          <div className="fne-actions">
            <button
              type="button"
              className="fne-button fne-primary fr-btn"
              disabled={busy || !unsaved}
              onClick={() => run(() => client.evaluate(id, pending!).then(reload))}
            >
              {dt(lang, "save")}
            </button>
          </div>
        </section>
      )}

      {printing.printing && <Sheet dossier={dossier} lang={lang} byId={byId} aids={aids} actor={actor} role={role} />}

      {cited && (
        <ArticlePanel
          citation={cited.citation}
          caseDate={cited.date}
          lang={lang}
          getArticle={getArticle}
          onClose={() => {
            cited.trigger.focus();
            setCited(null);
          }}
        />
      )}
    </article>
  );
}

/** The organisation, the opening date and, on the printed sheet, the day it is printed. */
function DossierMeta({ dossier, lang, className, printedOn }: { dossier: Dossier; lang: Lang; className: string; printedOn?: string }) {
  const items: Array<[string, string]> = [
    [dt(lang, "organisation"), dossier.organisation],
    [dt(lang, "openedOn"), formatDate(dossier.createdAt, lang)],
    ...(printedOn ? [[dt(lang, "printedOn"), formatDate(printedOn, lang)] as [string, string]] : []),
  ];
  return (
    <dl className={className}>
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function evaluationTitle(e: Evaluation, byId: Map<string, AidDescription>, lang: Lang) {
  const aid = typeof e.case.aid === "string" ? e.case.aid : undefined;
  return aid ? pick(lang, byId.get(aid)?.title) || aid : dt(lang, "screening");
}

/** The language an evaluation was computed in (its case's; the API's default, French, when the case named none). */
const recordLang = (e: Evaluation): Lang => (e.case.lang === "en" ? "en" : "fr");

const who = (e: Evaluation, lang: Lang) => `${roleName(lang, e.actorRole)}${e.actorLabel ? ` (${e.actorLabel})` : ""}`;

/** The evaluations, newest first; each opens its full result. */
function History({
  dossier,
  lang,
  aids,
  byId,
  onCite,
}: {
  dossier: Dossier;
  lang: Lang;
  aids: AidDescription[];
  byId: Map<string, AidDescription>;
  onCite: (date: string) => (c: Citation, t: HTMLElement) => void;
}) {
  const newestFirst = [...dossier.evaluations].reverse();
  // Until the caseworker opens or closes one, the newest evaluation is open (also after a new one is added).
  const [chosen, setChosen] = useState<string | null>();
  const open = chosen === undefined ? newestFirst[0]?.id : chosen;
  return (
    <section className="fne-history fne-noprint" aria-label={dt(lang, "history")}>
      <h3>{dt(lang, "history")}</h3>
      {newestFirst.length === 0 && <p>{dt(lang, "noEvaluation")}</p>}
      <ol className="fne-history-list" reversed>
        {newestFirst.map((e) => (
          <li key={e.id} className="fne-history-item" data-status={e.status}>
            <div className="fne-history-line">
              <StatusBadge status={e.status} lang={lang} />
              <span className="fne-history-what">
                <strong>{evaluationTitle(e, byId, lang)}</strong>
                {e.recheckOf && <span className="fne-tag">{dt(lang, "recheckTag")}</span>}
                <span className="fne-help">
                  {dt(lang, "evaluatedOn")} {formatDateTime(e.at, lang)} {dt(lang, "by")} {who(e, lang)} · {dt(lang, "caseDate")} :{" "}
                  {formatDate(String(e.case.date ?? ""), lang)} · {dt(lang, "rulesVersion")} {e.rulesVersion}
                </span>
              </span>
              <button type="button" className="fne-link" aria-expanded={open === e.id} onClick={() => setChosen(open === e.id ? null : e.id)}>
                {dt(lang, open === e.id ? "hideResult" : "showResult")}
              </button>
            </div>
            {open === e.id && (
              // A record stays in the language it was evaluated in (its explanations are the engine's, as stored).
              <>
                {recordLang(e) !== lang && <p className="fne-help">{dt(lang, recordLang(e) === "fr" ? "recordedInFrench" : "recordedInEnglish")}</p>}
                <div lang={recordLang(e)}>
                  {resultsOf(e).map((r) => (
                    <ResultView key={r.aid} result={r} aid={byId.get(r.aid)} aids={aids} lang={recordLang(e)} onCite={onCite(r.date)} level={3} names={engineNames} />
                  ))}
                </div>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** What changed between two evaluations (by default the two newest). */
function Compare({ evaluations, aids, lang }: { evaluations: Evaluation[]; aids: AidDescription[]; lang: Lang }) {
  const [from, setFrom] = useState(evaluations.length - 2);
  const [to, setTo] = useState(evaluations.length - 1);
  useEffect(() => {
    setFrom(evaluations.length - 2);
    setTo(evaluations.length - 1);
  }, [evaluations.length]);
  const a = evaluations[from];
  const b = evaluations[to];
  const lines = a && b ? diffEvaluations(a, b, aids, lang) : [];
  const option = (e: Evaluation, i: number) => (
    <option key={e.id} value={i}>
      {i + 1}. {formatDateTime(e.at, lang)} — {tr(lang, e.status)}
    </option>
  );
  return (
    <section className="fne-compare fne-noprint" aria-label={dt(lang, "compare")}>
      <h3>{dt(lang, "compare")}</h3>
      <div className="fne-row">
        <div className="fne-field fr-input-group">
          <label htmlFor="fne-compare-from" className="fr-label">{dt(lang, "compareFrom")}</label>
          <select className="fr-select" id="fne-compare-from" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {evaluations.map(option)}
          </select>
        </div>
        <div className="fne-field fr-input-group">
          <label htmlFor="fne-compare-to" className="fr-label">{dt(lang, "compareTo")}</label>
          <select className="fr-select" id="fne-compare-to" value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {evaluations.map(option)}
          </select>
        </div>
      </div>
      {lines.length === 0 ? (
        <p className="fne-no-change">{dt(lang, "noChange")}</p>
      ) : (
        <table className="fne-table fne-diff">
          <thead>
            <tr>
              <th scope="col">{dt(lang, "what")}</th>
              <th scope="col">{dt(lang, "before")}</th>
              <th scope="col">{dt(lang, "after")}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key} data-diff={l.key}>
                <th scope="row">{l.label}</th>
                <td>{l.before}</td>
                <td>{l.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The printed sheet: the decision sheet of the latest evaluation, headed with the dossier's organisation, the
 * caseworker signed in and the dossier's reference, then the dossier's history of evaluations.
 */
function Sheet({ dossier, lang: pageLang, byId, aids, actor, role }: { dossier: Dossier; lang: Lang; byId: Map<string, AidDescription>; aids: AidDescription[]; actor: string | undefined; role: Role }) {
  const latest = dossier.evaluations.at(-1);
  // The sheet prints the latest record as it was evaluated, in its language.
  const lang = latest ? recordLang(latest) : pageLang;
  const history = (
    <section className="fne-sheet-part">
      <h3>{dt(lang, "history")}</h3>
      <table className="fne-table">
        <thead>
          <tr>
            <th scope="col">{dt(lang, "evaluatedOn")}</th>
            <th scope="col">{tr(lang, "aid")}</th>
            <th scope="col">{dt(lang, "status")}</th>
            <th scope="col">{dt(lang, "rulesVersion")}</th>
          </tr>
        </thead>
        <tbody>
          {dossier.evaluations.map((e) => (
            <tr key={e.id}>
              <td>
                {formatDateTime(e.at, lang)}, {dt(lang, "by")} {who(e, lang)}
                {e.recheckOf ? ` — ${dt(lang, "recheckTag")}` : ""}
              </td>
              <td>{evaluationTitle(e, byId, lang)}</td>
              <td>{tr(lang, e.status)}</td>
              <td>{e.rulesVersion}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
  if (!latest) {
    return (
      <section className="fne-sheet fne-printonly" aria-label={dt(lang, "sheetTitle")}>
        <h2>
          {dt(lang, "sheetTitle")} {dossier.reference}
        </h2>
        <DossierMeta dossier={dossier} lang={lang} className="fne-meta" printedOn={new Date().toISOString()} />
        <p>{dt(lang, "noEvaluation")}</p>
      </section>
    );
  }
  const c = draftOf(latest.case, lang);
  return (
    <DecisionSheet
      lang={lang}
      aids={aids}
      date={c.date}
      aid={c.aid}
      facts={(latest.case.facts as Record<string, unknown> | undefined) ?? {}}
      value={latest.result}
      title={`${dt(lang, "sheetTitle")} ${dossier.reference}`}
      header={{ agency: dossier.organisation, caseworker: actor && `${actor} (${roleName(lang, role)})`, reference: dossier.reference }}
      names={engineNames}
    >
      {history}
    </DecisionSheet>
  );
}
