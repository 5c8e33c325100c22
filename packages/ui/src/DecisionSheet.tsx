/**
 * The decision sheet, printed (or saved as PDF by the browser's print): who prints it (the agency and the caseworker
 * from the dossier, else blank lines to fill in by hand), the date it is printed, the dossier's reference, the facts
 * with their labels and values in words, the result, each amount's working, and the texts applied with their
 * versions. Hidden on screen; the page's print style shows it alone. One aid fits on two A4 pages.
 */
import type { ReactNode } from "react";
import type { AidDescription, Citation, Result, Screening, WorkingStep } from "@fne/schema";
import { formatDate } from "./dates.ts";
import { factText } from "./dossier-diff.ts";
import { pick, tr, type Lang } from "./i18n.ts";
import { amountLines, Money, parameterName, periodText } from "./ResultView.tsx";
import { authorityText, citationLabel, citationVersion, missingEntry, plainText, versionLabel, type EngineNames } from "./words.ts";
import { stepValue } from "./Working.tsx";

/** Who the sheet is from; each absent item is a blank line to fill in. */
export interface SheetHeader {
  agency?: string | undefined;
  caseworker?: string | undefined;
  reference?: string | undefined;
}

export interface DecisionSheetProps {
  lang: Lang;
  aids: readonly AidDescription[];
  /** The case: its date, its aid ("" when every aid was screened), its facts as computed. */
  date: string;
  aid: string;
  facts: Record<string, unknown>;
  value: Result | Screening;
  header?: SheetHeader | undefined;
  /** The sheet's title (a dossier's names its reference); the calculator's by default. */
  title?: string | undefined;
  /** When the sheet is printed (ISO timestamp); now by default. */
  printedOn?: string | undefined;
  names?: EngineNames | undefined;
  /** More for the printed page (a dossier's history). */
  children?: ReactNode;
}

const blank = (value: string | undefined) => (value ? value : <span className="fne-blank" aria-hidden="true" />);

export function DecisionSheet({ lang, aids, date, aid, facts, value, header, title = tr(lang, "sheetTitle"), printedOn, names, children }: DecisionSheetProps) {
  const results = "results" in value ? value.results : [value];
  const shown = results.filter((r) => r.status === "eligible" || r.status === "undetermined" || results.length === 1);
  const others = results.filter((r) => !shown.includes(r));
  const byId = new Map(aids.map((a) => [a.id, a]));
  const defOf = (name: string) => (aid ? byId.get(aid)?.facts[name] : aids.map((a) => a.facts[name]).find(Boolean));
  const currency = date < "2002-01-01" ? "FRF" : "EUR";
  const given = Object.entries(facts).filter(([, v]) => v !== undefined && v !== "");
  // A step worked out once on the sheet is not worked out again (the total's monthly amounts, the SJR of each band).
  // The parts are functions called here, not components: `seen` follows the sheet's order within this one render.
  const seen = new Set<string>();
  return (
    <section className="fne-sheet fne-printonly" lang={lang} aria-label={tr(lang, "sheetTitle")} data-testid="decision-sheet">
      <header className="fne-sheet-head">
        <h2>{aid ? `${title} — ${pick(lang, byId.get(aid)?.title)}` : title}</h2>
        <dl className="fne-sheet-id">
          <div>
            <dt>{tr(lang, "agency")}</dt>
            <dd data-sheet="agency">{blank(header?.agency)}</dd>
          </div>
          <div>
            <dt>{tr(lang, "caseworkerName")}</dt>
            <dd data-sheet="caseworker">{blank(header?.caseworker)}</dd>
          </div>
          <div>
            <dt>{tr(lang, "dossierReference")}</dt>
            <dd data-sheet="reference">{blank(header?.reference)}</dd>
          </div>
          <div>
            <dt>{tr(lang, "printedOn")}</dt>
            <dd data-sheet="printed">{formatDate(printedOn ?? new Date().toISOString(), lang)}</dd>
          </div>
        </dl>
      </header>

      <section className="fne-sheet-part">
        <h3>{tr(lang, "sheetFacts")}</h3>
        <dl className="fne-sheet-facts">
          <div>
            <dt>{tr(lang, "date")}</dt>
            <dd>{formatDate(date, lang)}</dd>
          </div>
          {given.map(([name, v]) => (
            <div key={name}>
              <dt>{pick(lang, defOf(name)?.label) || name}</dt>
              <dd>{factText(v, defOf(name), lang, currency)}</dd>
            </div>
          ))}
        </dl>
      </section>

      {shown.map((r) => sheetResult({ r, aid: byId.get(r.aid), aids, lang, seen, names }))}

      {others.length > 0 && (
        <section className="fne-sheet-part">
          <h3>{tr(lang, "notDecided")}</h3>
          <ul className="fne-sheet-others">
            {others.map((r) => {
              const failed = r.reasons.find((x) => x.passed === false);
              const ctx = { aids, aid: byId.get(r.aid), names };
              const why = failed ? `${plainText(failed.text, lang, ctx)} (${citationLabel(failed.citation, lang)})` : r.notes[0] ? plainText(r.notes[0], lang, ctx) : "";
              return (
                <li key={r.aid}>
                  <strong>{r.title}</strong> — {tr(lang, r.status)}
                  {why && ` : ${why}`}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section className="fne-sheet-part">
        <h3>{tr(lang, "sheetTexts")}</h3>
        <ul className="fne-sheet-texts">
          {textsApplied(shown).map((t) => (
            <li key={t.key}>
              <strong>{t.label}</strong> — {citationVersion(t.citation, lang)}
            </li>
          ))}
        </ul>
      </section>

      {children}

      <footer className="fne-sheet-foot">
        <p>{tr(lang, "sheetNotice")}</p>
        <p>
          {tr(lang, "rulesVersion")} : {results[0]?.rulesVersion}
        </p>
        <p className="fne-sheet-sign">
          {tr(lang, "signature")} <span className="fne-blank" aria-hidden="true" />
        </p>
      </footer>
    </section>
  );

  /** Each article version cited (conditions, constants of the working, legal basis), once, with its alinéas. */
  function textsApplied(rs: Result[]) {
    const found = new Map<string, { citation: Citation; paragraphs: Set<number> }>();
    const add = (c: Citation) => {
      const key = `${c.article}|${c.from}|${c.to}`;
      const entry = found.get(key) ?? { citation: c, paragraphs: new Set<number>() };
      if (c.paragraph) entry.paragraphs.add(c.paragraph);
      found.set(key, entry);
    };
    const walk = (s: WorkingStep) => {
      if (s.citation) add(s.citation);
      s.steps?.forEach(walk);
    };
    for (const r of rs) {
      r.legalBasis.forEach(add);
      r.reasons.forEach((x) => add(x.citation));
      Object.values(r.working ?? {}).forEach(walk);
    }
    return [...found.entries()].map(([key, { citation, paragraphs }]) => {
      const al = [...paragraphs].sort((a, b) => a - b);
      const label = `${citationLabel({ article: citation.article }, lang)}${al.length ? `, ${lang === "fr" ? "al." : "para."} ${al.join(lang === "fr" ? " et " : " and ")}` : ""}`;
      return { key, citation, label };
    });
  }
}

function sheetResult({ r, aid, aids, lang, seen, names }: { r: Result; aid: AidDescription | undefined; aids: readonly AidDescription[]; lang: Lang; seen: Set<string>; names: EngineNames | undefined }) {
  const plain = (t: string) => plainText(t, lang, { aids, aid, names });
  const { lines, others } = amountLines(r, aid);
  const colon = lang === "fr" ? "\u00a0: " : ": ";
  return (
    <section key={r.aid} className="fne-sheet-part fne-sheet-result" data-aid={r.aid}>
      <h3>
        {r.title} — <span data-status={r.status}>{tr(lang, r.status)}</span>
      </h3>
      <p className="fne-sheet-meta">
        {r.version && (
          <>
            {tr(lang, "version")}
            {colon}
            {versionLabel(r.version, aids, lang)}.{" "}
          </>
        )}
        {r.authority && (
          <>
            {tr(lang, "authority")}
            {colon}
            {authorityText(r.authority, lang)}.
          </>
        )}
      </p>
      {(lines.length > 0 || others.length > 0) && (
        <table className="fne-sheet-amounts">
          <tbody>
            {lines.map(({ key, period }) => {
              const v = r.amounts[key]!;
              const type = aid?.amounts[key]?.type;
              const working = r.working?.[key];
              return (
                <tr key={key} data-amount={key}>
                  <th scope="row">
                    {pick(lang, aid?.amounts[key]?.label)}
                    {period && <span className="fne-period">{periodText(period, lang, plain)}</span>}
                  </th>
                  <td className="fne-sheet-value">
                    {type === "money" && typeof v === "string" ? <Money value={v} currency={r.currency} lang={lang} /> : stepValue({ value: v, unit: type === "date" ? "date" : undefined }, lang)}
                  </td>
                  <td className="fne-sheet-working">{working && printedWorking(working, plain, lang, seen)}</td>
                </tr>
              );
            })}
            {others.map((p, i) => (
              <tr key={`period-${i}`}>
                <th scope="row">
                  {plain(p.label)}
                  <span className="fne-period">{periodText(p, lang, plain)}</span>
                </th>
                <td className="fne-sheet-value">
                  <Money value={p.amount} currency={r.currency} lang={lang} />
                </td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.capApplied && <p>{tr(lang, "capApplied")}</p>}
      {r.missing.length > 0 && (
        <p>
          {tr(lang, "missing")}
          {colon}
          {r.missing
            .map((m) => {
              const e = missingEntry(m, aid, lang, names);
              return e.kind === "value" ? parameterName(r, m, lang, names) : e.label;
            })
            .join(", ")}
          .
        </p>
      )}
      <h4>{tr(lang, "conditions")}</h4>
      <ul className="fne-sheet-reasons">
        {r.reasons.map((x) => (
          <li key={x.rule}>
            {x.passed === true ? "✓" : x.passed === false ? "✗" : "?"} {tr(lang, x.passed === true ? "passed" : x.passed === false ? "failed" : "notKnown")} — {plain(x.text)} <cite>({citationLabel(x.citation, lang)})</cite>
          </li>
        ))}
      </ul>
      {r.notes.length > 0 && (
        <>
          <h4>{tr(lang, "notes")}</h4>
          <ul className="fne-sheet-notes">
            {r.notes.map((n, i) => (
              <li key={i}>{plain(n)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The working as printed: every step open, each cited constant with its citation in words, a step shown once. */
function printedWorking(step: WorkingStep, plain: (t: string) => string, lang: Lang, seen: Set<string>) {
  seen.add(step.name);
  const colon = lang === "fr" ? "\u00a0: " : ": ";
  const items = (steps: WorkingStep[]): ReactNode => (
    <ul className="fne-sheet-steps">
      {steps.map((s, i) => {
        const again = seen.has(s.name) && (s.steps?.length ?? 0) > 0;
        seen.add(s.name);
        return (
          <li key={`${s.name}-${i}`}>
            {plain(s.label)}
            {colon}
            {stepValue(s, lang)}
            {s.citation && <cite> ({citationLabel(s.citation, lang)})</cite>}
            {s.parameter?.from && <span> ({formatDate(s.parameter.from, lang)})</span>}
            {!again && s.formula && <span className="fne-sheet-formula"> — {plain(s.formula)}</span>}
            {!again && s.steps && items(s.steps)}
          </li>
        );
      })}
    </ul>
  );
  return (
    <div className="fne-sheet-calc">
      {step.formula && <p className="fne-formula">{plain(step.formula)}</p>}
      {step.steps && items(step.steps)}
    </div>
  );
}
