/**
 * Guided questions: a date and one aid (or every aid), then one question at a time, the next fact that matters
 * (guided.ts chooses it from the engine's `missing`), each aid's status shown as soon as it is known. Every answer is
 * re-evaluated at once; answers stay listed and can be changed; the full form, with the answers so far, is one link
 * away. Props only, like CaseForm: the aids, the evaluation and the articles come in (AidSource).
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import type { AidDescription, Citation, ErrorIssue, Result } from "@fne/schema";
import { ArticlePanel } from "./ArticlePanel.tsx";
import { CaseError, type AidSource } from "./api-client.ts";
import { formatDate } from "./dates.ts";
import { caseFromDraft, draftToQuery, factFields, type CaseDraft, type FactField } from "./draft.ts";
import { FactInput } from "./FactInput.tsx";
import { answer, askable, askedFacts, guidedQuery, nextQuestion, resultsOf } from "./guided.ts";
import { issueMessage, pick, tr, type Lang } from "./i18n.ts";
import { formatDecimal, formatMoney, type Currency } from "./money.ts";
import { Money, ResultView, StatusBadge } from "./ResultView.tsx";

export interface GuidedProps extends AidSource {
  lang: Lang;
  /** A session to resume (read from the URL): its answers are re-evaluated at once when it has a date. */
  initial?: CaseDraft;
  /** The aids set aside in that session. */
  initialAside?: string[];
  /** Called after each answer with the session and its query string (the web app keeps it in the URL). */
  onChange?: (draft: CaseDraft, query: string) => void;
  /** The address of the full form holding the answers so far, from its query string (draftToQuery). */
  fullFormHref: (query: string) => string;
}

/** The query parameter listing the aids set aside ("aside=youth_mobility,relocation"). */
export const ASIDE = "aside";

type Outcome = { results: Result[] } | { issues: ErrorIssue[] } | { failure: string };

export function Guided({ lang, aids, evaluate, getArticle, initial, initialAside, onChange, fullFormHref }: GuidedProps) {
  const uid = useId();
  const [draft, setDraft] = useState<CaseDraft>(() => initial ?? { date: "", aid: "", lang, facts: {} });
  const [aside, setAside] = useState<string[]>(() => initialAside ?? []);
  const [results, setResults] = useState<Result[] | undefined>();
  const [issues, setIssues] = useState<ErrorIssue[]>([]);
  const [failure, setFailure] = useState<string | undefined>();
  const [value, setValue] = useState("");
  const [editing, setEditing] = useState<{ name: string; value: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [announce, setAnnounce] = useState("");
  const [cited, setCited] = useState<{ citation: Citation; trigger: HTMLElement } | null>(null);
  const questionRef = useRef<HTMLFormElement>(null);

  const byId = useMemo(() => new Map(aids.map((a) => [a.id, a])), [aids]);
  const fields = useMemo(() => factFields(aids, draft.aid), [aids, draft.aid]);
  const fieldOf = (name: string) => fields.find((f) => f.name === name);
  const currency: Currency | undefined = draft.date ? (draft.date < "2002-01-01" ? "FRF" : "EUR") : undefined;
  const asked = askedFacts(draft);
  const open = results?.filter((r) => !aside.includes(r.aid));
  const question = open && nextQuestion(open, aids, new Set(asked));

  async function run(d: CaseDraft): Promise<Outcome> {
    setBusy(true);
    try {
      return { results: resultsOf(await evaluate(caseFromDraft(d, factFields(aids, d.aid)))) };
    } catch (e) {
      if (e instanceof CaseError) return { issues: e.issues };
      return { failure: e instanceof Error ? e.message : String(e) };
    } finally {
      setBusy(false);
    }
  }

  /** Evaluate `d`; keep it when the engine accepts it, else show its issues in place. True when kept. */
  async function commit(d: CaseDraft, setAsideNow = aside): Promise<boolean> {
    const out = await run(d);
    if ("failure" in out) {
      setFailure(out.failure);
      return false;
    }
    setFailure(undefined);
    if ("issues" in out) {
      setIssues(out.issues);
      return false;
    }
    setIssues([]);
    if (results) setAnnounce(changes(results, out.results, lang));
    setDraft(d);
    setResults(out.results);
    onChange?.(d, withAside(guidedQuery(d), setAsideNow));
    return true;
  }

  // A session read from the URL starts at once; a language switch re-evaluates (the results' texts are in it).
  const started = useRef(false);
  useEffect(() => {
    if (!started.current && initial?.date) void commit(initial);
    started.current = true;
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (draft.lang === lang) return;
    const d = { ...draft, lang };
    if (results) void commit(d);
    else setDraft(d);
  }, [lang]); // eslint-disable-line react-hooks/exhaustive-deps

  // Each new question takes the focus, so that the keyboard goes from one answer to the next.
  useEffect(() => {
    if (question) questionRef.current?.querySelector<HTMLElement>("[data-fact]")?.focus();
  }, [question]);

  const errorAt = (path: string) =>
    issues
      .filter((i) => i.path === path)
      .map((i) => issueMessage(lang, i.message))
      .join("; ") || undefined;

  const start = (e: FormEvent) => {
    e.preventDefault();
    void commit(draft);
  };
  const submitAnswer = async (e: FormEvent) => {
    e.preventDefault();
    if (!question) return;
    if (value.trim() === "") {
      setIssues([{ path: `facts.${question}`, message: "an answer is required" }]);
      return;
    }
    if (await commit(answer(draft, question, value))) setValue("");
  };
  const skip = async () => {
    if (question && (await commit(answer(draft, question, "")))) setValue("");
  };
  const saveEdit = async (e: FormEvent) => {
    e.preventDefault();
    if (editing && (await commit(answer(draft, editing.name, editing.value)))) setEditing(undefined);
  };
  const setAidAside = (id: string) => {
    const next = [...aside, id];
    setAside(next);
    onChange?.(draft, withAside(guidedQuery(draft), next));
  };
  const restart = () => {
    setResults(undefined);
    setIssues([]);
    setAside([]);
    setEditing(undefined);
    setValue("");
    setDraft((d) => ({ ...d, facts: {} }));
  };

  const fullForm = fullFormHref(draftToQuery(draft, fields));
  const decided = open?.every((r) => r.status !== "undetermined");

  return (
    <div className="fne-guided">
      <style>{guidedCss}</style>
      <div className="fne-guided-head fne-noprint">
        <h2>{tr(lang, "guided")}</h2>
        <a className="fne-guided-full" href={fullForm}>
          {tr(lang, "guidedFullForm")}
        </a>
      </div>
      <p className="fne-sr" role="status">
        {announce}
      </p>
      {failure && (
        <p className="fne-alert" role="alert">
          {tr(lang, "serverError")} {failure}
        </p>
      )}

      {!results ? (
        <form className="fne-form" onSubmit={start} noValidate aria-label={tr(lang, "guided")}>
          <p>{tr(lang, "guidedIntro")}</p>
          <div className="fne-row">
            <DateField uid={uid} lang={lang} value={draft.date} error={errorAt("date")} onChange={(date) => setDraft((d) => ({ ...d, date }))} />
            <div className={`fne-field${errorAt("aid") ? " fne-field-error" : ""}`}>
              <label htmlFor={`${uid}-aid`}>{tr(lang, "aid")}</label>
              <select id={`${uid}-aid`} value={draft.aid} onChange={(e) => setDraft((d) => ({ ...d, aid: e.target.value, facts: {} }))}>
                <option value="">{tr(lang, "guidedWhichAids")}</option>
                {aids.map((a) => (
                  <option key={a.id} value={a.id}>
                    {pick(lang, a.title)}
                  </option>
                ))}
              </select>
              {errorAt("aid") && <p className="fne-error">{errorAt("aid")}</p>}
            </div>
          </div>
          <div className="fne-actions">
            <button type="submit" className="fne-button fne-primary" disabled={busy}>
              {tr(lang, "guidedStart")}
            </button>
          </div>
        </form>
      ) : (
        <div className="fne-guided-body">
          <div className="fne-guided-questions">
            <p className="fne-guided-situation">
              {tr(lang, "guidedSituation")} {formatDate(draft.date, lang)} · {draft.aid ? pick(lang, byId.get(draft.aid)?.title) : tr(lang, "allAids")}
            </p>
            {asked.length > 0 && (
              <section aria-labelledby={`${uid}-answers`}>
                <h3 id={`${uid}-answers`}>{tr(lang, "guidedAnswers")}</h3>
                <ol className="fne-guided-answers">
                  {asked.map((name) => {
                    const field = fieldOf(name);
                    if (!field) return null;
                    return (
                      <li key={name} data-answer={name}>
                        {editing?.name === name ? (
                          <form onSubmit={saveEdit} noValidate aria-label={pick(lang, field.def.label)}>
                            <FactInput
                              id={`${uid}-edit-${name}`}
                              name={name}
                              def={field.def}
                              value={editing.value}
                              error={errorAt(`facts.${name}`)}
                              lang={lang}
                              currency={currency}
                              onChange={(_n, v) => setEditing({ name, value: v })}
                            />
                            <div className="fne-actions">
                              <button type="submit" className="fne-button fne-primary" disabled={busy}>
                                {tr(lang, "guidedSave")}
                              </button>
                              <button
                                type="button"
                                className="fne-button"
                                onClick={() => {
                                  setEditing(undefined);
                                  setIssues([]);
                                }}
                              >
                                {tr(lang, "guidedCancel")}
                              </button>
                            </div>
                          </form>
                        ) : (
                          <>
                            <span className="fne-guided-label">{pick(lang, field.def.label)}</span>
                            <span className="fne-guided-value">{answerText(field, draft, currency, lang)}</span>
                            <button
                              type="button"
                              className="fne-link"
                              aria-label={`${tr(lang, "guidedEdit")}${colon(lang)}${pick(lang, field.def.label)}`}
                              onClick={() => {
                                setIssues([]);
                                setEditing({ name, value: draft.facts[name] ?? "" });
                              }}
                            >
                              {tr(lang, "guidedEdit")}
                            </button>
                          </>
                        )}
                      </li>
                    );
                  })}
                </ol>
              </section>
            )}

            {question && !editing ? (
              <form ref={questionRef} className="fne-guided-question" onSubmit={submitAnswer} noValidate aria-label={`${tr(lang, "guidedQuestion")} ${asked.length + 1}`}>
                <h3>
                  {tr(lang, "guidedQuestion")} {asked.length + 1}
                </h3>
                <FactInput
                  id={`${uid}-q-${question}`}
                  name={question}
                  def={fieldOf(question)!.def}
                  value={value}
                  error={errorAt(`facts.${question}`)}
                  lang={lang}
                  currency={currency}
                  onChange={(_n, v) => setValue(v)}
                />
                <p className="fne-hint">
                  {tr(lang, "guidedFor")}
                  {colon(lang)}
                  {neededBy(question, open!, byId, new Set(asked), lang)}
                </p>
                <div className="fne-actions">
                  <button type="submit" className="fne-button fne-primary" disabled={busy}>
                    {tr(lang, "guidedAnswer")}
                  </button>
                  <button type="button" className="fne-button" disabled={busy} onClick={() => void skip()}>
                    {tr(lang, "guidedSkip")}
                  </button>
                </div>
              </form>
            ) : (
              !question && <p className="fne-guided-end">{tr(lang, decided ? "guidedDone" : "guidedNoMore")}</p>
            )}
            <div className="fne-actions fne-noprint">
              <button type="button" className="fne-button" onClick={restart}>
                {tr(lang, "guidedRestart")}
              </button>
            </div>
          </div>

          <StatusList results={results} aside={aside} byId={byId} asked={new Set(asked)} lang={lang} onAside={setAidAside} />
        </div>
      )}

      {results && !question && (
        <section className="fne-output" aria-label={tr(lang, "guidedExplanation")}>
          {results
            .filter((r) => r.status === "eligible" || (draft.aid !== "" && r.status !== "no_law"))
            .map((r) => (
              <ResultView key={r.aid} result={r} aid={byId.get(r.aid)} aids={aids} lang={lang} onCite={(citation, trigger) => setCited({ citation, trigger })} level={3} />
            ))}
        </section>
      )}
      {cited && (
        <ArticlePanel
          citation={cited.citation}
          caseDate={draft.date}
          lang={lang}
          getArticle={getArticle}
          onClose={() => {
            cited.trigger.focus();
            setCited(null);
          }}
        />
      )}
    </div>
  );
}

function DateField({ uid, lang, value, error, onChange }: { uid: string; lang: Lang; value: string; error: string | undefined; onChange: (v: string) => void }) {
  return (
    <div className={`fne-field${error ? " fne-field-error" : ""}`}>
      <label htmlFor={`${uid}-date`}>{tr(lang, "date")}</label>
      <input
        id={`${uid}-date`}
        type="date"
        required
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${uid}-date-help${error ? ` ${uid}-date-err` : ""}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${uid}-date-help`} className="fne-help">
        {tr(lang, "dateHelp")}
      </p>
      {error && (
        <p id={`${uid}-date-err`} className="fne-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Each aid asked about with its status, and its amounts once eligible; the aids without law at the date in one line. */
function StatusList({
  results,
  aside,
  byId,
  asked,
  lang,
  onAside,
}: {
  results: Result[];
  aside: string[];
  byId: Map<string, AidDescription>;
  asked: ReadonlySet<string>;
  lang: Lang;
  onAside: (aid: string) => void;
}) {
  const noLaw = results.filter((r) => r.status === "no_law");
  return (
    <section className="fne-guided-statuses" aria-label={tr(lang, "guidedStatuses")}>
      <h3>{tr(lang, "guidedStatuses")}</h3>
      <ul>
        {results
          .filter((r) => r.status !== "no_law")
          .map((r) => {
            const aid = byId.get(r.aid);
            const amounts = Object.entries(r.amounts).filter(([k]) => aid?.amounts[k] !== undefined);
            const canAsk = !aside.includes(r.aid) && askable(r, aid, asked).length > 0;
            return (
              <li key={r.aid} data-aid={r.aid} data-status={r.status}>
                <span className="fne-guided-aid">{r.title}</span>
                <StatusBadge status={r.status} lang={lang} />
                {aside.includes(r.aid) && <span className="fne-hint">{tr(lang, "guidedAside")}</span>}
                {r.status === "eligible" && amounts.length > 0 && (
                  <dl className="fne-guided-amounts">
                    {amounts.map(([k, v]) => (
                      <div key={k} data-amount={k}>
                        <dt>{pick(lang, aid?.amounts[k]?.label)}</dt>
                        <dd>{amountText(v, aid?.amounts[k]?.type, r, lang)}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                {canAsk && results.length > 1 && (
                  <button type="button" className="fne-link" aria-label={`${tr(lang, "guidedSetAside")}${colon(lang)}${r.title}`} onClick={() => onAside(r.aid)}>
                    {tr(lang, "guidedSetAside")}
                  </button>
                )}
              </li>
            );
          })}
      </ul>
      {noLaw.length > 0 && (
        <p className="fne-hint" data-status="no_law">
          {tr(lang, "guidedNoLaw")}
          {colon(lang)}
          {noLaw.map((r) => r.title).join(", ")}
        </p>
      )}
    </section>
  );
}

function amountText(value: Result["amounts"][string], type: string | undefined, r: Result, lang: Lang) {
  if (typeof value === "boolean") return tr(lang, value ? "yes" : "no");
  if (typeof value === "number") return formatDecimal(String(value), lang);
  if (type === "money") return <Money value={value} currency={r.currency} lang={lang} />;
  if (type === "date") return formatDate(value, lang);
  return value;
}

/** An answer as the caseworker reads it back: yes/no, the value's label, a date in words, an amount in its currency. */
function answerText(field: FactField, draft: CaseDraft, currency: Currency | undefined, lang: Lang): string {
  const sent = caseFromDraft(draft, [field]).facts?.[field.name];
  if (sent === undefined) return tr(lang, "guidedSkipped");
  const v = String(sent);
  const def = field.def;
  switch (def.type) {
    case "boolean":
      return tr(lang, v === "true" ? "yes" : "no");
    case "enum":
      return pick(lang, def.valueLabels?.[v]) || v;
    case "date":
      return formatDate(v, lang);
    case "money":
      return currency && /^\d+(\.\d+)?$/.test(v) ? formatMoney(v, currency, lang) : v;
    case "number":
      return `${formatDecimal(v, lang)}${def.unit ? ` ${def.unit}` : ""}`;
    default:
      return v;
  }
}

/** The aids a question serves, by title. */
function neededBy(name: string, results: Result[], byId: Map<string, AidDescription>, asked: ReadonlySet<string>, lang: Lang) {
  return results
    .filter((r) => askable(r, byId.get(r.aid), asked).includes(name))
    .map((r) => r.title || pick(lang, byId.get(r.aid)?.title))
    .join(", ");
}

/** What changed for the screen reader: the aids whose status moved, "Allocation … : Éligible". */
function changes(before: Result[], after: Result[], lang: Lang): string {
  const was = new Map(before.map((r) => [r.aid, r.status]));
  return after
    .filter((r) => r.status !== "no_law" && was.get(r.aid) !== r.status)
    .map((r) => `${r.title}${colon(lang)}${tr(lang, r.status)}`)
    .join(". ");
}

/** "Pour : …" in French, "For: …" in English. */
const colon = (lang: Lang) => (lang === "fr" ? "\u00a0: " : ": ");

const withAside = (query: string, aside: string[]) => (aside.length ? `${query}&${ASIDE}=${aside.map(encodeURIComponent).join(",")}` : query);

export const guidedCss = `
.fne-guided-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .5rem 2rem; }
.fne-guided-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; }
@media (max-width: 48rem) { .fne-guided-body { grid-template-columns: 1fr; } }
.fne-guided-situation { font-weight: 600; }
.fne-guided-answers { padding-left: 1.5rem; }
.fne-guided-answers > li { margin: .35rem 0; }
.fne-guided-label::after { content: " :"; }
.fne-guided-value { font-weight: 600; margin: 0 .75rem 0 .35rem; }
.fne-guided-question { border: 2px solid var(--fne-blue); border-radius: 4px; padding: .75rem 1rem; margin: 1rem 0; }
.fne-guided-question h3 { margin-top: 0; }
.fne-guided-statuses { border-left: 3px solid var(--fne-blue); padding-left: 1rem; }
.fne-guided-statuses ul { list-style: none; padding: 0; }
.fne-guided-statuses li { padding: .4rem 0; border-bottom: 1px solid #ddd; display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: center; }
.fne-guided-aid { flex: 1 1 12rem; }
.fne-guided-amounts { flex-basis: 100%; margin: .25rem 0 0; }
.fne-guided-amounts > div { display: flex; justify-content: space-between; gap: 1rem; }
.fne-guided-amounts dd { margin: 0; font-weight: 600; text-align: right; }
.fne-guided-end { font-weight: 600; }
`;
