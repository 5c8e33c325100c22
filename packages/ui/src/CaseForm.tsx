/**
 * The caseworker's form: a date, an aid (or every aid), the facts the aid's rules ask, and the full
 * explanation of the result. Props only (no global state, no document singletons, no engine: the aids, the
 * evaluation and the articles come in as props): the web app (CaseCalculator.tsx, with the engine) and the
 * embeddable widget (with the engine loaded later, or the API) both mount it, with React or with preact/compat.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import type { AidDescription, Citation, ErrorIssue, Result, Screening } from "@fne/schema";
import { ArticlePanel } from "./ArticlePanel.tsx";
import { CaseError, type AidSource } from "./api-client.ts";
import { DecisionSheet, type SheetHeader } from "./DecisionSheet.tsx";
import { caseFromDraft, draftToQuery, factFields, type CaseDraft, type FactField } from "./draft.ts";
import { FactInput } from "./FactInput.tsx";
import { fill, issueMessage, pick, tr, type Lang } from "./i18n.ts";
import { ResultView, StatusBadge } from "./ResultView.tsx";
import { usePrinting } from "./print.ts";
import { missingEntry, plainText, type EngineNames } from "./words.ts";

export interface CaseFormProps extends AidSource {
  lang: Lang;
  /** The aid to compute ("" or absent: screen every aid). */
  aid?: string;
  /** Hide the aid picker (a widget for one aid). */
  lockAid?: boolean;
  /** The date the form starts with: nothing is computed until the user asks. */
  date?: string;
  /** A case to start from (e.g. read from the URL): computed at once when it has a date. */
  initial?: CaseDraft;
  /** Called with each computed case and its query string (the web app keeps it in the URL). */
  onCompute?: (draft: CaseDraft, query: string) => void;
  /** The labels only the engine's rules hold (the web app has them). */
  names?: EngineNames | undefined;
  /** The printed sheet's header (a dossier's agency, caseworker and reference); absent: blank lines. */
  sheetHeader?: SheetHeader | undefined;
}

type Outcome =
  | { kind: "none" }
  | { kind: "result"; value: Result | Screening; date: string; draft: CaseDraft }
  | { kind: "invalid"; issues: ErrorIssue[] }
  | { kind: "failure"; message: string };

const ORDER: Record<Result["status"], number> = { eligible: 0, undetermined: 1, ineligible: 2, no_law: 3 };

export function CaseForm(props: CaseFormProps) {
  const { lang, lockAid, onCompute, aids, evaluate } = props;
  const [draft, setDraft] = useState<CaseDraft>(
    () => props.initial ?? { date: props.date ?? "", aid: props.aid ?? "", lang, facts: {} },
  );
  const [outcome, setOutcome] = useState<Outcome>({ kind: "none" });
  const [busy, setBusy] = useState(false);
  const [cited, setCited] = useState<{ citation: Citation; trigger: HTMLElement } | null>(null);
  const uid = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLElement>(null);
  const { printing, print } = usePrinting(rootRef);
  // Outside a dossier, who prints the sheet says so here (else the sheet has blank lines to fill in by hand).
  const [sheetFields, setSheetFields] = useState<SheetHeader>({});

  const fields = useMemo(() => factFields(aids, draft.aid), [aids, draft.aid]);
  const byId = useMemo(() => new Map(aids.map((a) => [a.id, a])), [aids]);
  const fieldId = (name: string) => `${uid}-f-${name}`;
  const currency = draft.date ? (draft.date < "2002-01-01" ? "FRF" : "EUR") : undefined;

  const compute = useCallback(
    async (d: CaseDraft, focusResult: boolean) => {
      const fs = factFields(aids, d.aid);
      setBusy(true);
      try {
        const value = await evaluate(caseFromDraft(d, fs));
        setOutcome({ kind: "result", value, date: d.date, draft: d });
        onCompute?.(d, draftToQuery(d, fs));
        if (focusResult) requestAnimationFrame(() => resultRef.current?.focus());
      } catch (e) {
        if (e instanceof CaseError) setOutcome({ kind: "invalid", issues: e.issues });
        else setOutcome({ kind: "failure", message: e instanceof Error ? e.message : String(e) });
      } finally {
        setBusy(false);
      }
    },
    [aids, evaluate, onCompute],
  );

  // A case given whole (from the URL) is computed at once; a preset date alone is not a case, and nothing is shown
  // (no "undetermined", no missing facts) before the user asks. A language switch recomputes the explanation.
  const computed = useRef(false);
  useEffect(() => {
    if (!computed.current && props.initial?.date) void compute(draft, false);
    computed.current = true;
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (draft.lang === lang) return;
    const d = { ...draft, lang };
    setDraft(d);
    if (outcome.kind === "result") void compute(d, false);
  }, [lang]); // eslint-disable-line react-hooks/exhaustive-deps

  const setFact = (name: string, value: string) => setDraft((d) => ({ ...d, facts: { ...d.facts, [name]: value } }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void compute(draft, true);
  };

  // One message a field: an empty date fails both "a date" and "a calendar date"; the caseworker needs one sentence.
  const issues = outcome.kind === "invalid" ? outcome.issues.filter((i, k, all) => all.findIndex((j) => j.path === i.path) === k) : [];
  const say = (i: ErrorIssue) => (i.path === "date" && draft.date === "" ? tr(lang, "dateRequired") : issueMessage(lang, i.message));
  const errorAt = (path: string) => {
    const i = issues.find((x) => x.path === path);
    return i && say(i);
  };
  const focusField = (path: string) => {
    const name = path.startsWith("facts.") ? fieldId(path.slice(6)) : `${uid}-${path}`;
    (rootRef.current?.querySelector(`[id="${name}"]`) as HTMLElement | null)?.focus();
  };

  const groups = groupFields(fields, draft.aid, aids, lang);
  const plain = (t: string) => plainText(t, lang, { aids, aid: byId.get(draft.aid), names: props.names });
  const dateError = errorAt("date");
  const aidError = errorAt("aid");

  return (
    <div className="fne-case" ref={rootRef}>
      <form className="fne-form fne-noprint" onSubmit={submit} noValidate aria-label={tr(lang, "caseworker")}>
        {issues.length > 0 && (
          <div className="fne-alert fr-alert fr-alert--error fr-alert--sm" role="alert">
            <p>{tr(lang, "fixErrors")}</p>
            <ul>
              {issues.map((i, k) => (
                <li key={k}>
                  <button type="button" className="fne-link" onClick={() => focusField(i.path)}>
                    {labelOfPath(i.path, aids, lang)}
                  </button>
                  {lang === "fr" ? "\u00a0: " : ": "}
                  {say(i)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="fne-row">
          <div className={`fne-field fr-input-group${dateError ? " fne-field-error fr-input-group--error" : ""}`}>
            <label htmlFor={`${uid}-date`}>{tr(lang, "date")}</label>
            <input
              className="fr-input"
              id={`${uid}-date`}
              name="date"
              type="date"
              required
              value={draft.date}
              aria-invalid={dateError ? true : undefined}
              aria-describedby={`${uid}-date-help${dateError ? ` ${uid}-date-err` : ""}`}
              onChange={(e) => setDraft((d) => ({ ...d, date: e.target.value }))}
            />
            <p id={`${uid}-date-help`} className="fne-help fr-hint-text">
              {tr(lang, "dateHelp")}
            </p>
            {dateError && (
              <p id={`${uid}-date-err`} className="fne-error fr-error-text">
                {dateError}
              </p>
            )}
          </div>
          {!lockAid && (
            <div className={`fne-field fr-select-group${aidError ? " fne-field-error fr-select-group--error" : ""}`}>
              <label htmlFor={`${uid}-aid`}>{tr(lang, "aid")}</label>
              <select className="fr-select" id={`${uid}-aid`} name="aid" value={draft.aid} onChange={(e) => setDraft((d) => ({ ...d, aid: e.target.value }))}>
                <option value="">{tr(lang, "allAids")}</option>
                {aids.map((a) => (
                  <option key={a.id} value={a.id}>
                    {pick(lang, a.title)}
                  </option>
                ))}
              </select>
              {draft.aid && <p className="fne-help">{pick(lang, byId.get(draft.aid)?.description)}</p>}
              {aidError && <p className="fne-error fr-error-text">{aidError}</p>}
            </div>
          )}
        </div>
        {groups.map((g) => (
          <fieldset key={g.key} className="fne-fieldset">
            <legend>{g.legend}</legend>
            <div className="fne-grid">
              {g.fields.map((f) => (
                <FactInput
                  key={f.name}
                  id={fieldId(f.name)}
                  name={f.name}
                  def={f.def}
                  value={draft.facts[f.name] ?? ""}
                  error={errorAt(`facts.${f.name}`)}
                  lang={lang}
                  currency={currency}
                  onChange={setFact}
                  plain={plain}
                />
              ))}
            </div>
          </fieldset>
        ))}
        <div className="fne-actions">
          <button type="submit" className="fne-button fne-primary fr-btn" disabled={busy}>
            {busy ? tr(lang, "computing") : tr(lang, "compute")}
          </button>
          <button
            type="button"
            className="fne-button fr-btn fr-btn--secondary"
            onClick={() => {
              setDraft((d) => ({ ...d, facts: {} }));
              setOutcome({ kind: "none" });
            }}
          >
            {tr(lang, "reset")}
          </button>
        </div>
      </form>

      <p className="fne-sr" role="status">
        {outcome.kind === "result" && "status" in outcome.value ? `${outcome.value.title} : ${tr(lang, outcome.value.status)}` : ""}
        {outcome.kind === "invalid" ? tr(lang, "fixErrors") : ""}
      </p>
      <section className="fne-output" ref={resultRef} tabIndex={-1} aria-label={tr(lang, "result")}>
        {outcome.kind === "failure" && (
          <p className="fne-alert fr-alert fr-alert--error fr-alert--sm" role="alert">
            {tr(lang, "serverError")} {outcome.message}
          </p>
        )}
        {outcome.kind === "result" && (
          <>
            <div className="fne-noprint">
              {!props.sheetHeader && <SheetFields lang={lang} uid={uid} value={sheetFields} onChange={setSheetFields} />}
              <div className="fne-actions">
                <button type="button" className="fne-button fr-btn fr-btn--secondary" onClick={print}>
                  {tr(lang, "print")}
                </button>
              </div>
              {"results" in outcome.value ? (
                <ScreeningView
                  screening={outcome.value}
                  aids={aids}
                  byId={byId}
                  lang={lang}
                  names={props.names}
                  onCite={(citation, trigger) => setCited({ citation, trigger })}
                />
              ) : (
                <ResultView
                  result={outcome.value}
                  aid={byId.get(outcome.value.aid)}
                  aids={aids}
                  lang={lang}
                  names={props.names}
                  onCite={(citation, trigger) => setCited({ citation, trigger })}
                />
              )}
            </div>
            {printing && (
              <DecisionSheet
                lang={lang}
                aids={aids}
                date={outcome.draft.date}
                aid={outcome.draft.aid}
                facts={caseFromDraft(outcome.draft, factFields(aids, outcome.draft.aid)).facts ?? {}}
                value={outcome.value}
                header={props.sheetHeader ?? sheetFields}
                names={props.names}
              />
            )}
          </>
        )}
      </section>

      {cited && outcome.kind === "result" && (
        <ArticlePanel
          citation={cited.citation}
          caseDate={outcome.date}
          lang={lang}
          getArticle={props.getArticle}
          onClose={() => {
            cited.trigger.focus();
            setCited(null);
          }}
        />
      )}
    </div>
  );
}

/** The printed sheet's header, typed by the caseworker: the agency, their name, the dossier's reference. */
function SheetFields({ lang, uid, value, onChange }: { lang: Lang; uid: string; value: SheetHeader; onChange: (v: SheetHeader) => void }) {
  const fields = [
    ["agency", "agency"],
    ["caseworker", "caseworkerName"],
    ["reference", "dossierReference"],
  ] as const;
  return (
    <fieldset className="fne-fieldset fne-sheet-fields">
      <legend>{tr(lang, "sheetHeader")}</legend>
      <div className="fne-grid">
        {fields.map(([name, label]) => (
          <div key={name} className="fne-field fr-input-group">
            <label htmlFor={`${uid}-sheet-${name}`} className="fr-label">
              {tr(lang, label)} <span className="fne-optional">({tr(lang, "optional")})</span>
            </label>
            <input
              className="fr-input"
              id={`${uid}-sheet-${name}`}
              name={`sheet-${name}`}
              autoComplete={name === "caseworker" ? "name" : name === "agency" ? "organization" : "off"}
              value={value[name] ?? ""}
              onChange={(e) => onChange({ ...value, [name]: e.target.value })}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** One aid: one group. Screening: the facts several aids share first, then each aid's own. */
function groupFields(fields: FactField[], aid: string, aids: AidDescription[], lang: Lang) {
  if (aid) return [{ key: aid, legend: tr(lang, "facts"), fields }];
  const shared = fields.filter((f) => f.aids.length > 1);
  const groups = shared.length ? [{ key: "_shared", legend: tr(lang, "sharedFacts"), fields: shared }] : [];
  for (const a of aids) {
    const own = fields.filter((f) => f.aids.length === 1 && f.aids[0] === a.id);
    if (own.length) groups.push({ key: a.id, legend: pick(lang, a.title), fields: own });
  }
  return groups;
}

/** The field an error names, as the form labels it ("facts.newHourlyWage" → "Nouveau salaire horaire"). */
function labelOfPath(path: string, aids: AidDescription[], lang: Lang) {
  if (path === "date") return tr(lang, "date");
  if (path === "aid") return tr(lang, "aid");
  const name = path.startsWith("facts.") ? path.slice(6) : undefined;
  const def = name === undefined ? undefined : aids.map((a) => (Object.hasOwn(a.facts, name) ? a.facts[name] : undefined)).find(Boolean);
  return def ? pick(lang, def.label) : tr(lang, "input");
}

/** "Missing: prior hourly pay, new hourly pay and 2 more", on the line of a collapsed result. */
function missingHint(r: Result, aid: AidDescription | undefined, lang: Lang, names: EngineNames | undefined) {
  const labels = r.missing.map((m) => missingEntry(m, aid, lang, names).label);
  const more = labels.length > 2 ? ` (+${labels.length - 2})` : "";
  return fill(lang, "missingShort", { names: `${labels.slice(0, 2).join(", ")}${more}` });
}

function ScreeningView({
  screening,
  aids,
  byId,
  lang,
  onCite,
  names,
}: {
  screening: Screening;
  aids: AidDescription[];
  byId: Map<string, AidDescription>;
  lang: Lang;
  onCite: (c: Citation, trigger: HTMLElement) => void;
  names: EngineNames | undefined;
}) {
  const sorted = [...screening.results].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const [open, setOpen] = useState<Set<string>>(() => new Set(sorted.filter((r) => r.status === "eligible").map((r) => r.aid)));
  return (
    <div className="fne-screening">
      <h2>{tr(lang, "results")}</h2>
      <ul className="fne-screening-list">
        {sorted.map((r) => {
          const isOpen = open.has(r.aid);
          return (
            <li key={r.aid} className={isOpen ? "" : "fne-collapsed"}>
              <button
                type="button"
                className="fne-disclosure"
                aria-expanded={isOpen}
                onClick={() =>
                  setOpen((s) => {
                    const n = new Set(s);
                    if (n.has(r.aid)) n.delete(r.aid);
                    else n.add(r.aid);
                    return n;
                  })
                }
              >
                <span className="fne-disclosure-text">
                  <span>{r.title}</span>
                  {r.missing.length > 0 && <span className="fne-hint">{missingHint(r, byId.get(r.aid), lang, names)}</span>}
                </span>
                <StatusBadge status={r.status} lang={lang} />
              </button>
              <div className="fne-disclosed">
                <ResultView result={r} aid={byId.get(r.aid)} aids={aids} lang={lang} onCite={onCite} level={3} names={names} />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
