/**
 * The rule pages (`pnpm docs`), in the manner of Publicodes' RulePage: everything on them comes from the loaded
 * rules (the engine's runtime: aid.json, the rule versions with their conditions and dated constants, the articles,
 * the parameter series) and from evaluating the aid's golden cases and examples with the engine now. Nothing is
 * written for one aid: a new aid gets its page from its files alone.
 *
 * Pages, French under regles/ and English under rules/ (packages/ui rule-pages.tsx names the paths):
 * index.html; <aid>.html; articles/<article>/<first day of the version, or "initial">.html.
 */
import { posix } from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { createContext, useContext, type ReactNode } from "react";
import {
  aidRules,
  articleFiles,
  citedVersions,
  evaluateParsed,
  parameterSeries,
  parseCase,
  type AidRules,
  type ParameterStep,
  type Runtime,
} from "@fne/engine";
import type { ArticleFile, ArticleVersion, Citation, CitationRef, Constant, Lang, Result, RuleVersionFile, Text, WorkingStep } from "@fne/schema";
import { aidPagePath, articlePagePath, citationLabel, css, formatDate, formatDecimal, formatMoney, pick, RULE_PAGES_DIR, StatusBadge, tr, unitWord } from "@fne/ui";
import type { AidMaterial, GoldenCase } from "./cases.ts";
import { articleVersionWords, span, versionTitle, w, type Word } from "./text.ts";

export interface Page {
  /** Relative to the output directory: "regles/atd.html". */
  path: string;
  html: string;
}

export interface DocsInput {
  rt: Runtime;
  /** The golden cases and examples of an aid. */
  material: (aid: string) => AidMaterial;
}

const LANGS: Lang[] = ["fr", "en"];
const OTHER: Record<Lang, Lang> = { fr: "en", en: "fr" };

const indexPath = (lang: Lang) => `${RULE_PAGES_DIR[lang]}/index.html`;

/** The page's link to `to`, relative to the page at `from` (the pages work from any folder, or from files). */
const rel = (from: string, to: string) => posix.relative(posix.dirname(from), to);

const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

const CSS = `${css}
.fne-doc { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
.fne-doc nav { display: flex; gap: 1.5rem; flex-wrap: wrap; margin-bottom: 1rem; }
.fne-doc a { color: var(--fne-blue); }
.fne-doc section { margin: 1.5rem 0; }
.fne-doc h2 { border-bottom: 2px solid var(--fne-line); padding-bottom: .25rem; margin-top: 2rem; }
.fne-doc h3 { margin-top: 1.25rem; }
.fne-doc table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; }
.fne-doc th, .fne-doc td { border: 1px solid var(--fne-line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
.fne-doc thead th { background: var(--fne-blue-bg); }
.fne-doc .fne-num { text-align: right; white-space: nowrap; }
.fne-doc .fne-value { white-space: nowrap; }
.fne-doc dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
.fne-doc dt { font-weight: 600; }
.fne-doc dd { margin: 0; }
.fne-tree, .fne-tree ul { list-style: none; padding-left: 1.25rem; border-left: 1px dotted var(--fne-line); margin: .25rem 0; }
.fne-tree { padding-left: .5rem; }
.fne-step-label { font-weight: 600; }
.fne-formula { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .95em; }
.fne-ok { color: var(--fne-ok); font-weight: 600; }
.fne-ko { color: var(--fne-ko); font-weight: 600; }
.fne-doc ol.fne-paragraphs li { margin: .5rem 0; }
.fne-doc pre { white-space: pre-wrap; margin: .25rem 0; }
`;

function Document({ lang, title, path, other, rulesVersion, children }: { lang: Lang; title: string; path: string; other: string; rulesVersion: string; children: ReactNode }) {
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${w(lang, "site")}`}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <div className="fne fne-doc">
          <nav aria-label={w(lang, "site")}>
            <a href={rel(path, indexPath(lang))}>{w(lang, "allRules")}</a>
            <a href={rel(path, other)} hrefLang={OTHER[lang]} lang={OTHER[lang]}>
              {w(lang, "otherLanguage")}
            </a>
          </nav>
          <main>{children}</main>
          <footer>
            <p className="fne-help">
              {w(lang, "generated")} {rulesVersion}
            </p>
          </footer>
        </div>
      </body>
    </html>
  );
}

const render = (page: ReactNode, texts: ReadonlyMap<string, ArticleFile>) => `<!doctype html>\n${renderToStaticMarkup(<Texts.Provider value={texts}>{page}</Texts.Provider>)}\n`;

// ---- what the pages know of the rules -------------------------------------------------------------------------

interface Backlink {
  aid: AidRules;
  version: RuleVersionFile;
  kind: Word;
  /** What the element says (a legal basis says nothing of its own). */
  text: Text | null;
  citation: Citation;
}

const versionKey = (article: string, from: string | null) => `${article}|${from ?? ""}`;

/** Every article version each element of each aid cites, over the dates that element applies to. */
function backlinks(rt: Runtime, aids: AidRules[]): Map<string, Backlink[]> {
  const out = new Map<string, Backlink[]>();
  const add = (aid: AidRules, version: RuleVersionFile, kind: Word, text: Text | null, ref: CitationRef, from: string | null, to: string | null) => {
    for (const c of citedVersions(rt, ref, from, to)) {
      const k = versionKey(c.article, c.from);
      out.set(k, [...(out.get(k) ?? []), { aid, version, kind, text, citation: c }]);
    }
  };
  for (const aid of aids) {
    for (const { file: v } of aid.versions) {
      for (const b of v.legalBasis) add(aid, v, "kindLegalBasis", null, b, v.validFrom, v.validTo);
      if (v.authority) add(aid, v, "kindAuthority", v.authority.text, v.authority.citation, v.validFrom, v.validTo);
      for (const c of v.conditions) add(aid, v, "kindCondition", c.text, c.citation, v.validFrom, v.validTo);
      for (const k of Object.values(v.constants)) {
        for (const [from, to, x] of constantStretches(v, k)) add(aid, v, "kindConstant", x.text ?? k.text, x.citation, from, to);
      }
      for (const i of v.interpretations) if (i.citation) add(aid, v, "kindInterpretation", i.text, i.citation, later(v.validFrom, i.from ?? null), earlier(v.validTo, i.to ?? null));
    }
  }
  return out;
}

/**
 * The dates each value of a constant applies to (as the engine resolves its citation): by the case date, from its
 * `from` to the day before the next value; keyed on a fact (the convention date), cited at its own first day.
 */
function constantStretches(v: RuleVersionFile, k: Constant): Array<[string | null, string | null, Constant["values"][number]]> {
  return k.values.map((x, i) => {
    if (k.by !== undefined) {
      const d = x.from ?? v.validFrom;
      return [d, d, x];
    }
    const next = k.values[i + 1]?.from;
    return [later(v.validFrom, x.from), earlier(v.validTo, next ? dayBefore(next) : null), x];
  });
}

// ---- pieces ---------------------------------------------------------------------------------------------------

/**
 * How a text is named on the pages: a Code article by its number ("R322-6"), another text (an arrêté, a loi, an
 * accord) by the words before the colon of its title ("Arrêté du 12 avril 1994"), never by the name of its file.
 */
export function textName(a: ArticleFile): string {
  return /^[LRD]\d/.test(a.id) ? a.id : a.title.split(" : ")[0]!;
}
/** The texts of rules/articles by id, for naming them (the pages of one generation share them). */
const Texts = createContext<ReadonlyMap<string, ArticleFile>>(new Map());

/** A version named in words, or not at all when it is its text's only one and undated (nothing to tell apart). */
function versionWords(a: ArticleFile | undefined, lang: Lang, from: string | null, to: string | null): string {
  return a && a.versions.length === 1 && from === null && to === null ? "" : articleVersionWords(lang, from, to);
}

/** A citation as a link to its article version's page, the paragraph marked: "R322-6, al. 3, version du …". */
function CitationLink({ c, lang, path }: { c: Citation; lang: Lang; path: string }) {
  const a = useContext(Texts).get(c.article);
  const words = versionWords(a, lang, c.from, c.to);
  const label = citationLabel({ ...c, article: a ? textName(a) : c.article }, lang);
  return (
    <a href={`${rel(path, articlePagePath(lang, c.article, c.from))}${c.paragraph ? `#al-${c.paragraph}` : ""}`}>
      {label}
      {words && `, ${words}`}
    </a>
  );
}

function Citations({ rt, refs, from, to, lang, path }: { rt: Runtime; refs: CitationRef[]; from: string | null; to: string | null; lang: Lang; path: string }) {
  const cs = refs.flatMap((r) => citedVersions(rt, r, from, to));
  return (
    <>
      {cs.map((c, i) => (
        <span key={i}>
          {i > 0 && "; "}
          <CitationLink c={c} lang={lang} path={path} />
        </span>
      ))}
    </>
  );
}

const CURRENCIES = new Set(["FRF", "EUR"]);

/** A value of a Result or of its working, in the page's language (money with its currency, dates in words). */
function showValue(value: string | number | boolean, unit: string | undefined, lang: Lang): string {
  if (typeof value === "boolean") return tr(lang, value ? "yes" : "no");
  const s = String(value);
  if (unit && CURRENCIES.has(unit)) return formatMoney(s, unit as "FRF" | "EUR", lang);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(s, lang);
  return formatDecimal(s, lang);
}

/** One step of the working and the steps it used: the tree a Result carries, as evaluated. */
function Step({ s, aid, lang, path, paramAnchor }: { s: WorkingStep; aid: AidRules; lang: Lang; path: string; paramAnchor: (id: string) => string }) {
  const fact = aid.def.facts[s.name];
  // A fact shows its unit in the page's language ("169 h/mois", "169 h/month").
  const factUnit = !s.formula && fact?.type === "number" && fact.unit ? ` ${unitWord(fact.unit, lang, Number(s.value))}` : "";
  return (
    <li>
      <span className="fne-step-label">{s.label}</span>
      {lang === "fr" ? " : " : ": "}
      {s.formula ? (
        <span className="fne-formula">{s.formula}</span>
      ) : (
        <span>
          {showValue(s.value, s.unit, lang)}
          {factUnit}
        </span>
      )}
      {s.citation && (
        <>
          {" — "}
          <CitationLink c={s.citation} lang={lang} path={path} />
        </>
      )}
      {s.parameter && (
        <>
          {" — "}
          <a href={`#${paramAnchor(s.parameter.id)}`}>
            {w(lang, "valueOf")} {s.parameter.from ? formatDate(s.parameter.from, lang) : "—"}
          </a>
        </>
      )}
      {s.steps && s.steps.length > 0 && (
        <ul>
          {s.steps.map((c, i) => (
            <Step key={i} s={c} aid={aid} lang={lang} path={path} paramAnchor={paramAnchor} />
          ))}
        </ul>
      )}
    </li>
  );
}

function Working({ r, aid, level, lang, path, paramAnchor }: { r: Result; aid: AidRules; level: 3 | 4; lang: Lang; path: string; paramAnchor: (id: string) => string }) {
  const H = `h${level + 1}` as "h4" | "h5";
  return (
    <>
      {Object.entries(r.working ?? {}).map(([k, root]) => (
        <div key={k}>
          <H>{root.label}</H>
          <ul className="fne-tree">
            <Step s={root} aid={aid} lang={lang} path={path} paramAnchor={paramAnchor} />
          </ul>
        </div>
      ))}
    </>
  );
}

/** A case evaluated now, in the page's language: its Result, or the engine's refusal. */
type Evaluated = { ok: true; result: Result } | { ok: false; message: string };

function evaluateCase(rt: Runtime, aid: string, c: Record<string, unknown>, lang: Lang): Evaluated {
  try {
    const r = evaluateParsed(rt, parseCase(rt, { ...c, aid, lang }));
    if (!("aid" in r)) return { ok: false, message: "screening" };
    return { ok: true, result: r };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** The facts of a case as written in its file (the engine has validated them when it evaluated the case). */
const factsOf = (c: Record<string, unknown>): Record<string, unknown> => {
  const f = c.facts;
  return typeof f === "object" && f !== null && !Array.isArray(f) ? (f as Record<string, unknown>) : {};
};

function FactsTable({ aid, facts, currency, lang, caption }: { aid: AidRules; facts: Record<string, unknown>; currency: Result["currency"]; lang: Lang; caption: string }) {
  if (Object.keys(facts).length === 0) return null;
  return (
    <table>
      <caption className="fne-sr">{caption}</caption>
      <tbody>
        {Object.entries(facts).map(([k, v]) => {
          const def = aid.def.facts[k];
          const shown = typeof v === "boolean" ? tr(lang, v ? "yes" : "no") : def?.type === "enum" && typeof v === "string" ? pick(lang, def.valueLabels?.[v]) || v : String(v);
          return (
            <tr key={k}>
              <th scope="row">{pick(lang, def?.label) || k}</th>
              <td>
                {def?.type === "date" && typeof v === "string"
                  ? formatDate(v, lang)
                  : def?.type === "money"
                    ? formatMoney(String(v), currency, lang)
                    : def?.type === "number"
                      ? `${formatDecimal(String(v), lang)}${def.unit ? ` ${def.unit}` : ""}`
                      : shown}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function AmountsList({ aid, r, lang }: { aid: AidRules; r: Result; lang: Lang }) {
  const entries = Object.entries(r.amounts);
  if (entries.length === 0) return <>—</>;
  return (
    <ul>
      {entries.map(([k, v]) => (
        <li key={k}>
          {pick(lang, aid.def.amounts[k]?.label) || k} : {showValue(v, aid.def.amounts[k]?.type === "money" ? r.currency : undefined, lang)}
        </li>
      ))}
    </ul>
  );
}

// ---- the aid page ---------------------------------------------------------------------------------------------

interface AidPageData {
  aid: AidRules;
  /** Each golden case and example evaluated in the page's language. */
  cases: Array<{ c: GoldenCase; e: Evaluated }>;
  examples: Array<{ name: string; file: string; case: Record<string, unknown>; e: Evaluated }>;
}

/** Whether a computed Result gives what the golden case expects (status, and each expected amount). */
function agrees(c: GoldenCase, e: Evaluated): boolean {
  if (!e.ok) return false;
  if (e.result.status !== c.expect.status) return false;
  return Object.entries(c.expect.amounts ?? {}).every(([k, v]) => String(e.result.amounts[k]) === String(v));
}

function VersionSection({ rt, d, v, params, lang, path, paramAnchor }: { rt: Runtime; d: AidPageData; v: RuleVersionFile; params: readonly string[]; lang: Lang; path: string; paramAnchor: (id: string) => string }) {
  const { aid } = d;
  const title = versionTitle(lang, v.validFrom, v.validTo);
  // The working shown: the first eligible golden case under this version, else the first eligible example.
  const shown =
    d.cases.find((x) => x.e.ok && x.e.result.version === v.id && x.e.result.status === "eligible") ?? d.examples.find((x) => x.e.ok && x.e.result.version === v.id && x.e.result.status === "eligible");
  const shownName = shown ? ("c" in shown ? shown.c.name : shown.name) : "";
  const shownFacts = factsOf(shown ? ("c" in shown ? shown.c.case : shown.case) : {});
  return (
    <section aria-labelledby={`v-${v.id}`}>
      <h2 id={`v-${v.id}`}>{title}</h2>
      <dl>
        <dt>{w(lang, "validity")}</dt>
        <dd>{span(lang, v.validFrom, v.validTo)}</dd>
        {v.validityNote && (
          <>
            <dt>{w(lang, "validityNote")}</dt>
            <dd>{pick(lang, v.validityNote)}</dd>
          </>
        )}
        <dt>{tr(lang, "legalBasis")}</dt>
        <dd>
          <Citations rt={rt} refs={v.legalBasis} from={v.validFrom} to={v.validTo} lang={lang} path={path} />
        </dd>
        {v.authority && (
          <>
            <dt>{tr(lang, "authority")}</dt>
            <dd>
              {pick(lang, v.authority.text)} (<Citations rt={rt} refs={[v.authority.citation]} from={v.validFrom} to={v.validTo} lang={lang} path={path} />)
            </dd>
          </>
        )}
        {v.successor && (
          <>
            <dt>{w(lang, "successor")}</dt>
            <dd>{pick(lang, v.successor.text)}</dd>
          </>
        )}
      </dl>

      <h3>{w(lang, "conditions")}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{w(lang, "condition")}</th>
            <th scope="col">{w(lang, "source")}</th>
            <th scope="col">{w(lang, "ifNotMet")}</th>
          </tr>
        </thead>
        <tbody>
          {v.conditions.map((c) => (
            <tr key={c.id} data-condition={c.id}>
              <td>{pick(lang, c.text)}</td>
              <td>
                <Citations rt={rt} refs={[c.citation]} from={v.validFrom} to={v.validTo} lang={lang} path={path} />
              </td>
              <td>{c.interpretation ? pick(lang, c.interpretation) : tr(lang, "ineligible")}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {Object.keys(v.constants).length > 0 && (
        <>
          <h3>{w(lang, "constants")}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{w(lang, "constant")}</th>
                <th scope="col">{w(lang, "fromDate")}</th>
                <th scope="col">{tr(lang, "value")}</th>
                <th scope="col">{w(lang, "source")}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(v.constants).flatMap(([name, k]) =>
                constantStretches(v, k).map(([from, to, x], i) => (
                  <tr key={`${name}-${i}`} data-constant={name}>
                    {i === 0 && (
                      <th scope="row" rowSpan={k.values.length}>
                        {pick(lang, k.text)}
                        {k.by && (
                          <span className="fne-help">
                            {" "}
                            ({w(lang, "keyedBy")} {pick(lang, aid.def.facts[k.by]?.label)})
                          </span>
                        )}
                      </th>
                    )}
                    <td>{x.from ? formatDate(x.from, lang) : k.by ? w(lang, "anyEarlier") : v.validFrom ? formatDate(v.validFrom, lang) : w(lang, "fromStart")}</td>
                    <td>
                      {x.value === null ? (
                        <span>
                          {w(lang, "notInSources")}
                          {x.note && <span className="fne-help"> — {pick(lang, x.note)}</span>}
                        </span>
                      ) : (
                        <span className="fne-value">{k.unit === "date" ? formatDate(x.value, lang) : x.currency ? formatMoney(x.value, x.currency, lang) : formatDecimal(x.value, lang)}</span>
                      )}
                      {x.text && <span className="fne-help"> ({pick(lang, x.text)})</span>}
                    </td>
                    <td>
                      <Citations rt={rt} refs={[x.citation]} from={from} to={to} lang={lang} path={path} />
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      )}

      <h3>{tr(lang, "parameters")}</h3>
      {params.length === 0 ? (
        <p>{w(lang, "noParameters")}</p>
      ) : (
        <>
          <p>{w(lang, "parametersNote")}</p>
          {params.map((id) => {
            const s = parameterSeries(rt, id)!;
            const steps = s.steps.filter((x: ParameterStep) => (v.validTo === null || x.from <= v.validTo) && (v.validFrom === null || x.until === null || x.until > v.validFrom));
            return (
              <div key={id}>
                <h4 id={paramAnchor(id)}>{pick(lang, s.label)}</h4>
                <p className="fne-help">
                  {w(lang, "series")} : {s.source}
                </p>
                <table data-parameter={id}>
                  <thead>
                    <tr>
                      <th scope="col">{w(lang, "fromDate")}</th>
                      <th scope="col">{w(lang, "until")}</th>
                      <th scope="col">{tr(lang, "value")}</th>
                      <th scope="col">{tr(lang, "reference")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {steps.map((x) => (
                      <tr key={x.from}>
                        <td>{formatDate(x.from, lang)}</td>
                        <td>{x.until ? formatDate(dayBefore(x.until), lang) : "—"}</td>
                        <td className="fne-num">{x.currency === "FRF" || x.currency === "EUR" ? formatMoney(x.value.toFixed(), x.currency, lang) : `${formatDecimal(x.value.toFixed(), lang)}${x.currency === "AF" ? " AF" : ""}`}</td>
                        <td>{x.reference ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </>
      )}

      {v.interpretations.length > 0 && (
        <>
          <h3>{w(lang, "interpretations")}</h3>
          <ul>
            {v.interpretations.map((x, i) => (
              <li key={i}>
                {pick(lang, x.text)}
                {(x.from || x.to) && <span className="fne-help"> ({span(lang, x.from ?? null, x.to ?? null)})</span>}
                {x.citation && (
                  <>
                    {" — "}
                    <Citations rt={rt} refs={[x.citation]} from={later(v.validFrom, x.from ?? null)} to={earlier(v.validTo, x.to ?? null)} lang={lang} path={path} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{w(lang, "working")}</h3>
      {shown && shown.e.ok ? (
        <>
          <p>
            {w(lang, "workingOf")} « {shownName} » ({formatDate(shown.e.result.date, lang)}).
          </p>
          <FactsTable aid={aid} facts={shownFacts} currency={shown.e.result.currency} lang={lang} caption={tr(lang, "caseSummary")} />
          <Working r={shown.e.result} aid={aid} level={3} lang={lang} path={path} paramAnchor={paramAnchor} />
        </>
      ) : (
        <p>{w(lang, "noWorking")}</p>
      )}
    </section>
  );
}

/** The anchor of a parameter's table under a rule version (the working's parameter steps link to it). */
const paramAnchor = (version: string | null, id: string) => `p-${version ?? ""}-${id}`.replace(/[^A-Za-z0-9_-]/g, "-");

function AidPage({ rt, d, lang, path, rulesVersion }: { rt: Runtime; d: AidPageData; lang: Lang; path: string; rulesVersion: string }) {
  const { aid } = d;
  const title = pick(lang, aid.def.title);
  return (
    <Document lang={lang} title={title} path={path} other={aidPagePath(OTHER[lang], aid.def.id)} rulesVersion={rulesVersion}>
      <h1>{title}</h1>
      <p>{pick(lang, aid.def.description)}</p>
      {aid.versions.map(({ file, parameters }) => (
        <VersionSection key={file.id} rt={rt} d={d} v={file} params={parameters} lang={lang} path={path} paramAnchor={(id) => paramAnchor(file.id, id)} />
      ))}

      {d.cases.length > 0 && (
        <section aria-labelledby="golden">
          <h2 id="golden">{w(lang, "goldenCases")}</h2>
          <p>{w(lang, "goldenIntro")}</p>
          <table data-golden="">
            <thead>
              <tr>
                <th scope="col">{w(lang, "caseName")}</th>
                <th scope="col">{tr(lang, "date")}</th>
                <th scope="col">{tr(lang, "article")}</th>
                <th scope="col">{w(lang, "expected")}</th>
                <th scope="col">{w(lang, "computed")}</th>
                <th scope="col">{w(lang, "agreement")}</th>
              </tr>
            </thead>
            <tbody>
              {d.cases.map(({ c, e }, i) => {
                const ok = agrees(c, e);
                return (
                  <tr key={i} data-case={c.name}>
                    <th scope="row">
                      {c.name}
                      {c.arithmetic.length > 0 && (
                        <details>
                          <summary>{w(lang, "arithmetic")}</summary>
                          <pre>{c.arithmetic.join("\n")}</pre>
                        </details>
                      )}
                    </th>
                    <td>{typeof c.case.date === "string" ? formatDate(c.case.date, lang) : "—"}</td>
                    <td>{c.article}</td>
                    <td>
                      <StatusBadge status={c.expect.status} lang={lang} />
                      {c.expect.amounts && (
                        <ul>
                          {Object.entries(c.expect.amounts).map(([k, v]) => (
                            <li key={k}>
                              {pick(lang, aid.def.amounts[k]?.label) || k} : {showValue(v, aid.def.amounts[k]?.type === "money" && e.ok ? e.result.currency : undefined, lang)}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {e.ok ? (
                        <>
                          <StatusBadge status={e.result.status} lang={lang} />
                          <AmountsList aid={aid} r={e.result} lang={lang} />
                        </>
                      ) : (
                        <>
                          {w(lang, "invalidCase")} {e.message}
                        </>
                      )}
                    </td>
                    <td className={ok ? "fne-ok" : "fne-ko"}>{ok ? `✓ ${w(lang, "same")}` : `✗ ${w(lang, "differs")}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      {d.examples.length > 0 && (
        <section aria-labelledby="examples">
          <h2 id="examples">{w(lang, "examples")}</h2>
          {d.examples.map((x) => (
            <div key={x.file} data-example={x.file}>
              <h3>{x.name}</h3>
              {x.e.ok ? (
                <>
                  <p>
                    {formatDate(x.e.result.date, lang)} — <StatusBadge status={x.e.result.status} lang={lang} />
                  </p>
                  <FactsTable aid={aid} facts={factsOf(x.case)} currency={x.e.result.currency} lang={lang} caption={tr(lang, "caseSummary")} />
                  <AmountsList aid={aid} r={x.e.result} lang={lang} />
                  {x.e.result.working && (
                    <details>
                      <summary>{w(lang, "showWorking")}</summary>
                      <Working r={x.e.result} aid={aid} level={3} lang={lang} path={path} paramAnchor={(id) => paramAnchor(x.e.ok ? x.e.result.version : null, id)} />
                    </details>
                  )}
                </>
              ) : (
                <p>
                  {w(lang, "invalidCase")} {x.e.message}
                </p>
              )}
            </div>
          ))}
        </section>
      )}
    </Document>
  );
}

// ---- the article version page ---------------------------------------------------------------------------------

function ArticlePage({ a, v, links, lang, path, rulesVersion }: { a: ArticleFile; v: ArticleVersion; links: Backlink[]; lang: Lang; path: string; rulesVersion: string }) {
  const words = versionWords(a, lang, v.from, v.to);
  const title = words ? `${textName(a)}, ${words}` : textName(a);
  return (
    <Document lang={lang} title={title} path={path} other={articlePagePath(OTHER[lang], a.id, v.from)} rulesVersion={rulesVersion}>
      <h1>{title}</h1>
      <p>{a.title}</p>
      <p>
        {tr(lang, "inForce")} {span(lang, v.from, v.to)}
      </p>
      {v.paragraphs ? (
        <ol className="fne-paragraphs">
          {v.paragraphs.map((p, i) => (
            <li key={i} id={`al-${i + 1}`}>
              {p}
            </li>
          ))}
        </ol>
      ) : (
        <p>{tr(lang, "textNotInSources")}</p>
      )}

      {a.versions.length > 1 && (
        <section aria-labelledby="versions">
          <h2 id="versions">{w(lang, "otherVersions")}</h2>
          <ul>
            {a.versions.map((x, i) => (
              <li key={i}>
                {x === v ? (
                  <>
                    {articleVersionWords(lang, x.from, x.to)} {w(lang, "thisVersion")}
                  </>
                ) : (
                  <a href={rel(path, articlePagePath(lang, a.id, x.from))}>{articleVersionWords(lang, x.from, x.to)}</a>
                )}{" "}
                ({span(lang, x.from, x.to)})
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="cited-by">
        <h2 id="cited-by">{w(lang, "citedBy")}</h2>
        {links.length === 0 ? (
          <p>{w(lang, "notCited")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{tr(lang, "aid")}</th>
                <th scope="col">{w(lang, "versionsOf")}</th>
                <th scope="col">{w(lang, "element")}</th>
                <th scope="col">{w(lang, "text")}</th>
                <th scope="col">{tr(lang, "paragraph")}</th>
              </tr>
            </thead>
            <tbody>
              {links.map((b, i) => (
                <tr key={i}>
                  <td>
                    <a href={rel(path, aidPagePath(lang, b.aid.def.id))}>{pick(lang, b.aid.def.title)}</a>
                  </td>
                  <td>{span(lang, b.version.validFrom, b.version.validTo)}</td>
                  <td>{w(lang, b.kind)}</td>
                  <td>{b.text ? pick(lang, b.text) : "—"}</td>
                  <td>{b.citation.paragraph ? <a href={`#al-${b.citation.paragraph}`}>{`${b.citation.paragraph}${b.citation.point ? ` ${b.citation.point}` : ""}`}</a> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Document>
  );
}

// ---- the index ------------------------------------------------------------------------------------------------

function IndexPage({ aids, articles, lang, rulesVersion }: { aids: AidRules[]; articles: ArticleFile[]; lang: Lang; rulesVersion: string }) {
  const path = indexPath(lang);
  return (
    <Document lang={lang} title={w(lang, "site")} path={path} other={indexPath(OTHER[lang])} rulesVersion={rulesVersion}>
      <h1>{w(lang, "site")}</h1>
      <section aria-labelledby="aids">
        <h2 id="aids">{w(lang, "aids")}</h2>
        <ul>
          {aids.map((a) => (
            <li key={a.def.id}>
              <a href={rel(path, aidPagePath(lang, a.def.id))}>{pick(lang, a.def.title)}</a>{" "}
              <span className="fne-help">({a.versions.map((v) => span(lang, v.file.validFrom, v.file.validTo)).join(" ; ")})</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="texts">
        <h2 id="texts">{w(lang, "texts")}</h2>
        <ul>
          {articles.map((a) => (
            <li key={a.id}>
              {textName(a)}
              {textName(a) !== a.title && ` — ${a.title}`} :{" "}
              {a.versions.map((v, i) => (
                <span key={i}>
                  {i > 0 && ", "}
                  <a href={rel(path, articlePagePath(lang, a.id, v.from))}>{versionWords(a, lang, v.from, v.to) || textName(a)}</a>
                </span>
              ))}
            </li>
          ))}
        </ul>
      </section>
    </Document>
  );
}

// ---- all pages ------------------------------------------------------------------------------------------------

/** Every page, in both languages: the index, one per aid, one per article version. */
export function generatePages({ rt, material }: DocsInput): Page[] {
  const aids = aidRules(rt);
  const articles = articleFiles(rt).sort((a, b) => a.id.localeCompare(b.id));
  const links = backlinks(rt, aids);
  const rulesVersion = rt.rulesVersion;
  const pages: Page[] = [];
  const texts = new Map(articles.map((a) => [a.id, a]));
  const materials = new Map(aids.map((a) => [a.def.id, material(a.def.id)]));
  for (const lang of LANGS) {
    pages.push({ path: indexPath(lang), html: render(<IndexPage aids={aids} articles={articles} lang={lang} rulesVersion={rulesVersion} />, texts) });
    for (const aid of aids) {
      const m = materials.get(aid.def.id)!;
      const d: AidPageData = {
        aid,
        cases: (m.cases ?? []).map((c) => ({ c, e: evaluateCase(rt, aid.def.id, c.case, lang) })),
        examples: m.examples.map((x, i) => ({ name: `${w(lang, "example")} ${i + 1}`, file: x.name, case: x.case, e: evaluateCase(rt, aid.def.id, x.case, lang) })),
      };
      const path = aidPagePath(lang, aid.def.id);
      pages.push({ path, html: render(<AidPage rt={rt} d={d} lang={lang} path={path} rulesVersion={rulesVersion} />, texts) });
    }
    for (const a of articles) {
      const seen = new Set<string>();
      for (const v of a.versions) {
        const path = articlePagePath(lang, a.id, v.from);
        // Two versions of one article with the same first day would overwrite each other's page.
        if (seen.has(path)) throw new Error(`rules/articles/${a.id}.json: two versions start on ${v.from ?? "an undated day"}`);
        seen.add(path);
        pages.push({ path, html: render(<ArticlePage a={a} v={v} links={links.get(versionKey(a.id, v.from)) ?? []} lang={lang} path={path} rulesVersion={rulesVersion} />, texts) });
      }
    }
  }
  return pages;
}
